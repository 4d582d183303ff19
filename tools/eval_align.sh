#!/usr/bin/env bash
# Aligns every document of the alignment dev set with `tandem align-files` and prints the dev
# scorer's per-document and overall figures, for parallel/ and comparable/.
# Usage: tools/eval_align.sh [TANDEM_BINARY] [extra align-files options...]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tandem="${1:-$here/build/release/tools/tandem}"
shift || true
dev="$here/../shared/dev/align"
pred="$(mktemp -d)"
trap 'rm -rf "$pred"' EXIT

for set in parallel comparable; do
  mkdir -p "$pred/$set"
  for fr in "$dev/$set"/*.fr; do
    name="$(basename "$fr" .fr)"
    "$tandem" -q align-files "$@" "$fr" "$dev/$set/$name.en" > "$pred/$set/$name.gold"
  done
  echo "== $set"
  (cd "$dev" && python3 score_beads.py "$set/" "$pred/$set/" --per-doc)
  echo
done
