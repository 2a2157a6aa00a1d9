#!/usr/bin/env bash
# check-layering.sh: the layers of DESIGN.md, enforced. Nothing under src/core/ includes
# a GTK, GDK, libadwaita, WebKit or GtkSourceView header; nothing under src/ui/ includes
# sqlite3.h, a libxml2 header or portada-newsroom-private.h (the window asks the core).
set -euo pipefail

top=${PORTADA_SOURCE_ROOT:?PORTADA_SOURCE_ROOT is not set}
cd "$top"
status=0

core=$(grep -rnE --include='*.[ch]' \
  '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](gtk/|gtk\.h|gdk/|gdk\.h|adwaita\.h|adw-|webkit/|webkit2/|jsc/|gtksourceview/|gtksourceview\.h)' \
  src/core || true)
if [ -n "$core" ]; then
  echo "not ok: src/core/ must not include toolkit headers:"
  printf '%s\n' "$core"
  status=1
fi

ui=$(grep -rnE --include='*.[ch]' \
  '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](sqlite3\.h|libxml/|portada-newsroom-private\.h)' \
  src/ui || true)
if [ -n "$ui" ]; then
  echo "not ok: src/ui/ must not include SQLite, libxml2 or the core's private header:"
  printf '%s\n' "$ui"
  status=1
fi
[ $status -eq 0 ] && echo "ok: src/core/ has no toolkit header, src/ui/ no SQLite, libxml2 or private core header"
exit $status
