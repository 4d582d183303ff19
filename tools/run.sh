#!/usr/bin/env bash
# The main job: installs what is missing, builds Tandem in Release, and runs the whole pipeline
# on the bundled sample corpus (sample/), writing the workspace and the exports to out/.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc)" --target tandem

tandem=build/release/tools/tandem
out=out
mkdir -p "$out"
rm -f "$out"/tandem.db "$out"/tandem.db-wal "$out"/tandem.db-shm
db=(--db "$out/tandem.db")

echo "== corpus: read, repair, drop boilerplate, detect language, split sentences"
"$tandem" "${db[@]}" corpus add sample/*.txt
echo "== align: pair documents, align translations, mine comparable pairs"
"$tandem" "${db[@]}" align
"$tandem" "${db[@]}" tm stats
echo "== exports"
"$tandem" "${db[@]}" tm export -o "$out/memory.tmx"
"$tandem" "${db[@]}" glossary extract
"$tandem" "${db[@]}" glossary export --format tbx -o "$out/glossary.tbx"
"$tandem" "${db[@]}" glossary export --format tbx2 -o "$out/glossary.tbx2.tbx"
"$tandem" "${db[@]}" glossary export --format csv -o "$out/glossary.csv"

echo
echo "== summary"
echo "documents:      $("$tandem" "${db[@]}" corpus list | wc -l)"
echo "sentences:      $("$tandem" "${db[@]}" corpus list | awk -F'\t' '{n += $4} END {print n}')"
echo "TM units:       $(grep -c '<tu ' "$out/memory.tmx" || true)  -> $out/memory.tmx"
concepts=$(tail -n +2 "$out/glossary.csv" | cut -d, -f1 | sort -u | wc -l)
terms=$(($(wc -l < "$out/glossary.csv") - 1))
echo "glossary:       $concepts concepts, $terms terms  -> $out/glossary.tbx, $out/glossary.tbx2.tbx, $out/glossary.csv"
echo "workspace:      $out/tandem.db"
