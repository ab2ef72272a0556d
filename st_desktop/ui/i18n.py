"""Translations: Qt's own catalogue and ours, chosen once before the first widget is built.

The language comes from the caller (a choice in Preferences), else from the environment the way
gettext reads it (the ``LANGUAGE`` list first, then the first of ``LC_ALL``, ``LC_MESSAGES``,
``LANG``), else from the system's UI languages. English is the language of the source strings,
so it needs no catalogue; any other language is used only where ``st_desktop_<lang>.qm`` ships in
``st_desktop/assets/i18n`` (built from its ``.ts`` by ``tools/update_translations.py``).

Numbers and dates follow: the default :class:`QLocale` is set to match the language (the
system's own locale where it speaks that language, so its region's conventions stay), and every
``QLocale()`` the widgets make formats with it. Widgets read their text when they are built, so
this runs before any of them exists; a change of language takes effect at the next start.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

#: The language the source strings are written in: no catalogue needed.
SOURCE_LANGUAGE = "en"
#: Where the compiled catalogues are, inside the package.
CATALOGUE_DIR = "assets/i18n"
CATALOGUE_PREFIX = "st_desktop_"
#: Environment variables naming the messages' locale, in gettext's order (after LANGUAGE).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

# Installed translators and the catalogue bytes they read from (Qt does not copy them).
_installed: list[tuple[QTranslator, bytes]] = []
_locale_before: list[QLocale] = []


def available_languages() -> list[str]:
    """The languages st-desktop speaks: English and each shipped catalogue ("de")."""
    folder = resources.files("st_desktop").joinpath(CATALOGUE_DIR)
    found = {SOURCE_LANGUAGE}
    if folder.is_dir():
        for entry in folder.iterdir():
            name = entry.name
            if name.startswith(CATALOGUE_PREFIX) and name.endswith(".qm"):
                found.add(name[len(CATALOGUE_PREFIX) : -len(".qm")])
    return sorted(found)


def locale_name(value: str) -> str:
    """A POSIX or BCP 47 locale name reduced to ``ll`` or ``ll_CC`` ("de_AT.UTF-8@euro" ->
    "de_AT"); "C" and "POSIX" are English, the language of the source strings."""
    name = value.strip().split(".")[0].split("@")[0].replace("-", "_")
    if name.upper() in ("C", "POSIX"):
        return SOURCE_LANGUAGE
    return name


def requested_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """The locale names the environment asks for, most wanted first (gettext's order).

    ``LANGUAGE`` is a colon-separated list of preferences; then the first set of ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG``.
    """
    env = os.environ if environ is None else environ
    wanted = [locale_name(part) for part in env.get("LANGUAGE", "").split(":") if part.strip()]
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "").strip()
        if value:
            wanted.append(locale_name(value))
            break
    return [name for name in wanted if name]


def choose_language(
    language: str | None = None,
    environ: Mapping[str, str] | None = None,
    available: Iterable[str] | None = None,
) -> tuple[str, str]:
    """The catalogue language and the locale name to format with.

    Args:
        language: an explicit choice ("de", "de_AT", "en"); None or "" asks the environment.
        environ: the environment (default ``os.environ``).
        available: the languages with a catalogue (default :func:`available_languages`).

    Returns:
        ("de", "de_AT") for example; ("en", "en") when nothing asked for is available.
    """
    have = set(available_languages() if available is None else available) | {SOURCE_LANGUAGE}
    if language:
        wanted = [locale_name(language)]
    else:
        wanted = requested_languages(environ)
        if not wanted:  # nothing in the environment (Windows, macOS): the system's languages
            wanted = [locale_name(name) for name in QLocale.system().uiLanguages()]
    for name in wanted:
        code = name.split("_")[0].lower()
        if code in have:
            return code, name
    return SOURCE_LANGUAGE, SOURCE_LANGUAGE


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Load Qt's and st-desktop's catalogues for the chosen language; set the default locale.

    Call it once the application object exists and before any widget is built. Calling it
    again replaces what an earlier call installed.

    Args:
        app: the application.
        language: an explicit choice ("de", "en"); None or "" follows the environment.

    Returns:
        The language used ("en" when nothing asked for is available).
    """
    remove_translators(app)
    code, name = choose_language(language)
    if not _locale_before:
        _locale_before.append(QLocale())
    QLocale.setDefault(formatting_locale(code, name))
    if code == SOURCE_LANGUAGE:
        log.info("language: %s (the source strings)", code)
        return code
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", qt_folder):
        _install(app, qt, b"")
    else:  # standard buttons stay English; ours are still translated
        log.info("no Qt catalogue for %s in %s", code, qt_folder)
    data = resources.files("st_desktop").joinpath(CATALOGUE_DIR, f"{CATALOGUE_PREFIX}{code}.qm")
    ours = QTranslator(app)
    catalogue = data.read_bytes()
    if ours.load(catalogue):
        _install(app, ours, catalogue)
    else:
        log.warning("the %s catalogue could not be read; the text stays English", code)
        return SOURCE_LANGUAGE
    log.info("language: %s (formats as %s)", code, QLocale().name())
    return code


def _install(app: QCoreApplication, translator: QTranslator, data: bytes) -> None:
    app.installTranslator(translator)
    _installed.append((translator, data))


def remove_translators(app: QCoreApplication) -> None:
    """Take out what :func:`install_translators` installed and restore the locale before it
    (tests switching languages back and forth)."""
    while _installed:
        translator, _data = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    if _locale_before:
        QLocale.setDefault(_locale_before.pop())


def formatting_locale(code: str, name: str, environ: Mapping[str, str] | None = None) -> QLocale:
    """The locale numbers and dates follow for language ``code``: the system's own where its
    formats are that language's (its region and conventions stay), else ``name``'s.

    Qt's system locale takes its language from ``LANGUAGE`` but its formats from ``LC_ALL``,
    ``LC_TIME``, ``LC_NUMERIC`` or ``LANG``: with ``LANGUAGE=de`` and ``LANG=C.UTF-8`` it is
    "German" with the C locale's formats, so those variables are what is compared.
    """
    env = os.environ if environ is None else environ
    configured = next(
        (env[v] for v in ("LC_ALL", "LC_TIME", "LC_NUMERIC", "LANG") if env.get(v, "").strip()),
        "",
    )
    system = QLocale.system()
    formats = QLocale(locale_name(configured)) if configured else system
    if formats.language() == QLocale(code).language():
        return system
    return QLocale(name)


def c_formats(environ: Mapping[str, str] | None = None) -> bool:
    """True when the environment sets no locale for dates (``C``, ``C.UTF-8``, ``POSIX``).

    Qt then reports the system locale in the language of ``LANGUAGE`` ("en_US") but with
    made-up formats ("d MM yyyy"), which no reader expects.
    """
    env = os.environ if environ is None else environ
    configured = next((env[v] for v in ("LC_ALL", "LC_TIME", "LANG") if env.get(v, "").strip()), "")
    return configured.strip().split(".")[0].upper() in ("C", "POSIX")


def date_format(locale: QLocale | None = None, *, time: bool = False) -> str:
    """The locale's short date (and time) format for editing and lists, with a four-digit
    year.

    The "C" locale (no locale set, or the system's while the environment sets none for dates)
    gets ISO dates, which read the same everywhere.
    """
    current = QLocale() if locale is None else locale
    unset = current == QLocale.system() and c_formats()
    if current.language() == QLocale.Language.C or unset:
        return "yyyy-MM-dd HH:mm" if time else "yyyy-MM-dd"
    short = QLocale.FormatType.ShortFormat
    pattern = current.dateTimeFormat(short) if time else current.dateFormat(short)
    return re.sub(r"(?<!y)yy(?!y)", "yyyy", pattern)


def figure(text: str) -> str:
    """A figure the domain formatted ("12.34 km", "24.5 km/h", "5:12 /km") with the locale's
    decimal point ("12,34 km" in German).

    The domain writes numbers with a full stop and no thousands separators (it knows no
    locale); its units hold no full stop, so each one in ``text`` is a decimal point.
    """
    point = QLocale().decimalPoint()
    return text.replace(".", point) if point != "." else text


def plural(count: int, one: str, other: str, **values: object) -> str:
    """``one`` (translated) for a count of 1, else ``other``, with ``{count}`` filled in as the
    locale writes numbers ("1.234" in German) and any other ``{name}`` from ``values``.

    English and German both have one singular and one plural form, so a pair of translated
    sentences reads right in each, and English stays right without any catalogue loaded.
    """
    chosen = one if count == 1 else other
    return chosen.format(count=QLocale().toString(count), **values)
