#!/usr/bin/env bash
# Translation-memory benchmark: generates a synthetic TMX (tools/gen_tmx.py, made-up words),
# imports it, then times fuzzy lookup (against an exhaustive scan for recall@1) and concordance
# with the CLI batch modes, which measure each query inside the process.
#
#   tools/bench_tm.sh [BUILD_DIR] [UNITS] [QUERIES]     (defaults: build/tm 1000000 300)
# Everything generated goes to /tmp/tandem-bench-tm (never into the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/tm}
units=${2:-1000000}
queries=${3:-300}
tandem="$build/tools/tandem"
work=/tmp/tandem-bench-tm
mkdir -p "$work"
tmx="$work/tm-$units.tmx"
db="$work/tm-$units.db"

if [[ ! -f "$tmx" ]]; then
  /usr/bin/python3 tools/gen_tmx.py "$tmx" "$units" --queries "$work/lookup-$units.txt" \
    --concordance "$work/concordance-$units.txt" --count "$queries"
fi
echo "TMX: $tmx ($(du -m "$tmx" | cut -f1) MB, $units units)"

if [[ "${REUSE_DB:-0}" != 1 || ! -f "$db" ]]; then  # REUSE_DB=1: keep the imported workspace
  rm -f "$db" "$db"-* "$db".tm-*.idx
  /usr/bin/time -f "import: %e s wall, %U s user, %S s sys, peak RSS %M KB" \
    "$tandem" --db "$db" -q tm import "$tmx"
fi

percentiles() {  # column of microseconds on stdin → p50/p99 in ms
  sort -n | awk '{v[NR]=$1} END {p50=int((NR+1)/2); p99=int(NR*0.99); if (p99<1) p99=1;
    printf "p50 %.2f ms, p99 %.2f ms (n=%d)\n", v[p50]/1000, v[p99]/1000, NR}'
}

/usr/bin/time -f "fuzzy index build: %e s wall, peak RSS %M KB" \
  "$tandem" --db "$db" tm lookup --batch < /dev/null
"$tandem" --db "$db" tm lookup --batch --min 70 < "$work/lookup-$units.txt" > "$work/lookup.out"
"$tandem" --db "$db" tm lookup --batch --min 70 --exhaustive < "$work/lookup-$units.txt" \
  > "$work/lookup-exhaustive.out"
echo -n "lookup (index): "; cut -f4 "$work/lookup.out" | percentiles
echo -n "lookup (exhaustive scan): "; cut -f4 "$work/lookup-exhaustive.out" | percentiles
paste "$work/lookup.out" "$work/lookup-exhaustive.out" | awk -F'\t' '
  { n++; if ($2 == $6 && $3 == $7) same++; if ($6 != "") found++ }
  END { printf "recall@1 vs exhaustive: %.4f (%d/%d queries; %d with a match >= 70%%)\n",
        same/n, same, n, found }'

"$tandem" --db "$db" tm concordance --batch < "$work/concordance-$units.txt" > "$work/conc.out"
echo -n "concordance: "; cut -f4 "$work/conc.out" | percentiles
