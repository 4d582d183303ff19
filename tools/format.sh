#!/usr/bin/env bash
# Formats every C++ file of the repository with the repository's .clang-format.
# `tools/format.sh --check` only reports files that need formatting (exit 1 if any).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cc' '*.h')
if [[ "${1:-}" == "--check" ]]; then
  bad=0
  for f in "${files[@]}"; do
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then echo "needs formatting: $f"; bad=1; fi
  done
  exit $bad
fi
clang-format -i "${files[@]}"
