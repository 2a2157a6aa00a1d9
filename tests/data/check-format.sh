#!/usr/bin/env bash
# check-format.sh: fails when a C file under src/, tests/ or bench/ differs from what
# clang-format makes of it with the project's .clang-format; lists those files.
set -euo pipefail

top=${PORTADA_SOURCE_ROOT:?PORTADA_SOURCE_ROOT is not set}
clang_format=${CLANG_FORMAT:-clang-format}
cd "$top"
mapfile -d '' files < <(find src tests bench -name '*.[ch]' -print0 | sort -z)
count=${#files[@]}
bad=()
# One run over every file when all is well; file by file only to name the culprits.
if ! "$clang_format" --dry-run --Werror --style=file "${files[@]}" >/dev/null 2>&1; then
  for f in "${files[@]}"; do
    "$clang_format" --dry-run --Werror --style=file "$f" >/dev/null 2>&1 || bad+=("$f")
  done
fi

if [ ${#bad[@]} -gt 0 ]; then
  echo "not ok: ${#bad[@]} of $count files are not formatted; run: clang-format -i ${bad[*]}"
  for f in "${bad[@]}"; do
    "$clang_format" --dry-run --style=file "$f" 2>&1 | head -n 6 || true
  done
  exit 1
fi
echo "ok: $count C files formatted"
