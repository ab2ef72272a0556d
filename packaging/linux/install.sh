#!/usr/bin/env bash
# Install (or remove) the st-desktop bundle this script sits in.
#
#   ./install.sh              for the current user: ~/.local/lib/st-desktop, ~/.local/bin,
#                             ~/.local/share (menu entry, file types, icons)
#   sudo ./install.sh --system  for everyone: /opt/st-desktop, /usr/local/bin, /usr/local/share
#   ./install.sh --uninstall [--system]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
name=st-desktop
app_id=io.github.st_desktop.StDesktop

system=0
uninstall=0
for arg in "$@"; do
  case "$arg" in
    --system) system=1 ;;
    --uninstall) uninstall=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

if [ "$system" = 1 ]; then
  prefix=/opt/$name; bin=/usr/local/bin; share=/usr/local/share
else
  prefix=$HOME/.local/lib/$name
  bin=$HOME/.local/bin; share=${XDG_DATA_HOME:-$HOME/.local/share}
fi

files=(
  "applications/$app_id.desktop"
  "metainfo/$app_id.metainfo.xml"
  "mime/packages/$app_id.xml"
)
while IFS= read -r icon; do files+=("${icon#"$here/share/"}"); done \
  < <(find "$here/share/icons" -type f)

refresh() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
  command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
  command -v gtk-update-icon-cache >/dev/null \
    && gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
}

if [ "$uninstall" = 1 ]; then
  for f in "${files[@]}"; do rm -f "$share/$f"; done
  rm -f "$bin/$name"
  rm -rf "$prefix"
  refresh
  echo "removed $name"
  exit 0
fi

if [ "$here" != "$prefix" ]; then
  rm -rf "$prefix"
  mkdir -p "$prefix"
  cp -a "$here/." "$prefix/"
fi
mkdir -p "$bin"
ln -sfn "$prefix/$name" "$bin/$name"
for f in "${files[@]}"; do install -Dm644 "$here/share/$f" "$share/$f"; done
# The menu entry runs "st-desktop"; point it at this install even if ~/.local/bin is not on PATH.
sed -i "s|^Exec=st-desktop |Exec=$bin/$name |; s|^TryExec=st-desktop$|TryExec=$bin/$name|" \
  "$share/applications/$app_id.desktop"
refresh
echo "installed $name in $prefix; start it from the menu or with $bin/$name"
