#!/usr/bin/env bash
# Build the Linux bundle: packaging/dist/st-desktop/ (run it in place, or install it with
# packaging/linux/install.sh), then smoke-test it offscreen.
#
#   packaging/build_linux.sh [--archive] [--python PY]
#
#   --archive     also pack packaging/dist/st-desktop-VERSION-linux-ARCH.tar.gz
#   --python PY   the Python to build with (default: .venv/bin/python if present, else python3);
#                 the package and its [package] extra are installed into that environment.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

archive=0
python=""
while [ $# -gt 0 ]; do
  case "$1" in
    --archive) archive=1 ;;
    --python) python="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi

start=$(date +%s)
step() { echo "== [$(( $(date +%s) - start )) s] $*"; }

step "installing st-desktop[package] into $($python -c 'import sys; print(sys.prefix)')"
"$python" -m pip install --quiet --disable-pip-version-check -e ".[package]"

app_id=$("$python" -c 'import st_desktop; print(st_desktop.APP_ID)')
version=$("$python" -c 'import st_desktop; print(st_desktop.__version__)')
name=$("$python" -c 'import st_desktop; print(st_desktop.APP_NAME)')

step "application credentials (from ST_DESKTOP_CLIENT_ID/SECRET, if set)"
"$python" packaging/write_credentials.py

step "rendering icons"
QT_QPA_PLATFORM=offscreen "$python" resources/make_icons.py

step "running PyInstaller"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath packaging/dist --workpath packaging/build packaging/st_desktop.spec

bundle=packaging/dist/$name
step "adding desktop integration under $bundle/share"
share=$bundle/share
install -Dm644 "resources/$app_id.desktop" "$share/applications/$app_id.desktop"
install -Dm644 "resources/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
install -Dm644 resources/st-desktop-mime.xml "$share/mime/packages/$app_id.xml"
mkdir -p "$share/icons"
cp -r resources/generated/hicolor "$share/icons/"
install -Dm755 packaging/linux/install.sh "$bundle/install.sh"

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$share/applications/$app_id.desktop"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml"
fi

step "smoke test: --version"
out=$("$bundle/$name" --version)
if [ "$out" != "$name $version" ]; then
  echo "expected '$name $version' from --version, got '$out'" >&2
  exit 1
fi
echo "$out"

step "smoke test: open the window offscreen, then quit"
smoke_base=$(mktemp -d)
trap 'rm -rf "$smoke_base"' EXIT
status=0
QT_QPA_PLATFORM=offscreen ST_DESKTOP_SMOKE_TEST=1 \
  timeout 60 "$bundle/$name" --basedir "$smoke_base" || status=$?
if [ "$status" != 0 ] || ! grep -q "smoke test passed" "$smoke_base"/logs/*.log; then
  cat "$smoke_base"/logs/*.log >&2 || true
  if [ "$status" = 124 ]; then
    echo "the bundled app did not quit within 60 s (is install_smoke_quit wired into app.main?)" >&2
  fi
  echo "the bundled app failed its smoke test (exit status $status)" >&2
  exit 1
fi

if [ "$archive" = 1 ]; then
  tarball=packaging/dist/$name-$version-linux-$(uname -m).tar.gz
  step "packing $tarball"
  tar -C packaging/dist -czf "$tarball" "$name"
fi

step "done: $bundle ($(du -sh "$bundle" | cut -f1))"
