"""Update the translation catalogues from the UI sources, then compile them.

    python tools/update_translations.py          # .ts from the sources, then .qm from the .ts
    python tools/update_translations.py --check  # change nothing; exit 1 if anything is stale

``pyside6-lupdate`` reads every translatable string (``self.tr(...)``,
``QCoreApplication.translate(...)``, ``QT_TRANSLATE_NOOP(...)``) of ``st_desktop/ui/**/*.py`` and
``st_desktop/app*.py`` into ``st_desktop/assets/i18n/st_desktop_<lang>.ts``, keeping the
translations already there; strings no longer in the sources are dropped. Translate the new ones
(marked ``type="unfinished"``) with Qt Linguist (``pyside6-linguist``) or in a text editor, then
run this again: ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` the app loads. Both
files are committed; the tests fail while a string is untranslated or a ``.qm`` is stale.
"""

from __future__ import annotations

import argparse
import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "st_desktop"
I18N_DIR = PACKAGE / "assets" / "i18n"
#: The languages with a catalogue (English is the source language).
LANGUAGES = ("de",)


def sources(package: Path = PACKAGE) -> list[Path]:
    """The files lupdate reads: the ui package and the composition root's modules."""
    found = set(package.glob("ui/**/*.py")) | set(package.glob("app*.py"))
    return sorted(found)


def ts_file(language: str, folder: Path = I18N_DIR) -> Path:
    """The catalogue source of ``language``."""
    return folder / f"st_desktop_{language}.ts"


def qm_file(language: str, folder: Path = I18N_DIR) -> Path:
    """The compiled catalogue of ``language`` (what the app loads)."""
    return folder / f"st_desktop_{language}.qm"


def qt_tool(name: str) -> Path:
    """The path of one of the Qt tools PySide6 ships ("lupdate", "lrelease")."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    exe = folder / (f"{name}.exe" if sys.platform == "win32" else name)
    if not exe.is_file():
        raise FileNotFoundError(f"{exe} is missing: install PySide6-Essentials")
    return exe


def lupdate(ts: Path, language: str, files: list[Path] | None = None) -> str:
    """Extract the strings of ``files`` (default :func:`sources`) into ``ts``, keeping its
    translations; returns lupdate's report."""
    listed = [str(f) for f in (sources() if files is None else files)]
    # The file list goes through a list file: Windows command lines are short.
    with tempfile.TemporaryDirectory() as tmp:
        list_file = Path(tmp, "sources.lst")
        list_file.write_text("\n".join(listed) + "\n", encoding="utf-8")
        command = [
            str(qt_tool("lupdate")),
            f"@{list_file}",
            "-ts",
            str(ts),
            "-source-language",
            "en",
            "-target-language",
            language,
            "-locations",
            "none",  # no line numbers: the catalogue changes only when the text does
            "-no-obsolete",
            "-sort-messages",
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> str:
    """Compile ``ts`` into ``qm``; returns lrelease's report."""
    command = [str(qt_tool("lrelease")), str(ts), "-qm", str(qm)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def unfinished(ts: Path) -> list[str]:
    """The source texts of ``ts`` still without a finished translation."""
    import xml.etree.ElementTree as ET

    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished",):
            missing.append(source)
            continue
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        if not all(t.strip() for t in texts):
            missing.append(source)
    return missing


def update(language: str) -> list[str]:
    """Update and compile one language; returns its untranslated source texts."""
    ts, qm = ts_file(language), qm_file(language)
    ts.parent.mkdir(parents=True, exist_ok=True)
    print(lupdate(ts, language).strip())
    print(lrelease(ts, qm).strip())
    return unfinished(ts)


def check(language: str) -> list[str]:
    """What is stale for ``language`` (nothing written): an empty list when all is well."""
    ts, qm = ts_file(language), qm_file(language)
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts, fresh_qm = Path(tmp, ts.name), Path(tmp, qm.name)
        fresh_ts.write_bytes(ts.read_bytes())
        lupdate(fresh_ts, language)
        if fresh_ts.read_bytes() != ts.read_bytes():
            problems.append(f"{ts.name} is not up to date with the sources")
        lrelease(ts, fresh_qm)
        if not qm.is_file() or not filecmp.cmp(fresh_qm, qm, shallow=False):
            problems.append(f"{qm.name} was not compiled from the {ts.name} committed")
    problems += [f"untranslated ({language}): {text!r}" for text in unfinished(ts)]
    return problems


def main(argv: list[str] | None = None) -> int:
    """Update (or ``--check``) every language; the exit code says whether all is complete."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report what is stale")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        if args.check:
            problems = check(language)
        else:
            problems = [f"untranslated ({language}): {text!r}" for text in update(language)]
        for problem in problems:
            print(problem)
        status = status or int(bool(problems))
    if status and not args.check:
        print("Translate these (pyside6-linguist or a text editor), then run this again.")
    return status


if __name__ == "__main__":
    sys.exit(main())
