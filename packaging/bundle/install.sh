#!/bin/sh
# Put Reciprocity (./reciprocity beside this script) in the desktop's menu, or take it out:
#   ./install.sh              the entry, the icon and the metadata under ~/.local/share
#   ./install.sh --uninstall
# Move the folder first if you want it elsewhere: the menu starts it from where it is.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
case "${1:-}" in
  --uninstall) exec "$here/reciprocity" --uninstall-desktop ;;
  "") exec "$here/reciprocity" --install-desktop ;;
  *) echo "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac
