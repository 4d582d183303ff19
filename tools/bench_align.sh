#!/usr/bin/env bash
# Whole-command alignment throughput on the dev set: runs `tandem align-files` once per document
# of ../shared/dev/align/parallel (as a user would, dictionary loading included), best of N
# rounds, and prints sentences (French + English) per second of wall time. Does the same for
# hunalign with the FreeDict fr-en dictionary when hunalign is installed.
# Usage: tools/bench_align.sh [TANDEM_BINARY] [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tandem="${1:-$here/build/release/tools/tandem}"
rounds="${2:-5}"
dev="$here/../shared/dev/align/parallel"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sentences=$(cat "$dev"/*.fr "$dev"/*.en | wc -l)

# best_of CMD...: best wall time (seconds) of $rounds runs of CMD over all documents.
best_of() {
  local best=""
  for ((r = 0; r < rounds; ++r)); do
    local start end
    start=$(date +%s.%N)
    for fr in "$dev"/*.fr; do
      "$@" "$fr" "${fr%.fr}.en" > /dev/null
    done
    end=$(date +%s.%N)
    best=$(python3 -c "import sys; t=$end-$start; b='$best'; print(t if not b or t < float(b) else b)")
  done
  echo "$best"
}

t=$(best_of "$tandem" -q align-files)
python3 -c "print(f'tandem align-files: {$sentences} sentences in {$t:.3f} s = {$sentences/$t:,.0f} sent/s')"

if command -v hunalign > /dev/null; then
  # hunalign's dictionary format: "english @ french" per line, from FreeDict fr→en.
  python3 - "$work/fr-en.dic" <<'PY'
import gzip, sys
alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def b64(s):
    v = 0
    for c in s: v = v * 64 + alpha.index(c)
    return v
out = open(sys.argv[1], "w")
d = gzip.open("/usr/share/dictd/freedict-fra-eng.dict.dz").read().decode()
for line in open("/usr/share/dictd/freedict-fra-eng.index", encoding="utf-8"):
    head, off, n = line.rstrip("\n").split("\t")
    if head.startswith("00"): continue
    art = d[b64(off):b64(off) + b64(n)].split("\n")
    fr = art[0].split(" /")[0]
    for l in art[1:]:
        for en in l.split(". ", 1)[-1].split(","):
            if en.strip(): out.write(f"{en.strip()} @ {fr}\n")
PY
  hun() { hunalign -text "$work/fr-en.dic" "$1" "$2"; }
  t=$(best_of hun)
  python3 -c "print(f'hunalign + FreeDict:  {$sentences} sentences in {$t:.3f} s = {$sentences/$t:,.0f} sent/s')"
else
  echo "hunalign not installed: no comparison (the dev README quotes ~8,000 sent/s)"
fi

# Throughput on one large pair, where the fixed cost of starting and loading the dictionaries no
# longer dominates: every dev document concatenated REPEAT times (default 10).
repeat="${REPEAT:-10}"
for ((i = 0; i < repeat; ++i)); do
  cat "$dev"/*.fr >> "$work/big.fr"
  cat "$dev"/*.en >> "$work/big.en"
done
big=$(cat "$work/big.fr" "$work/big.en" | wc -l)
/usr/bin/time -f "%e %U %S %M" -o "$work/time" "$tandem" -q align-files "$work/big.fr" "$work/big.en" > /dev/null
read -r wall user sys rss < "$work/time"
python3 -c "print(f'tandem align-files, one {$big}-sentence pair: {$wall} s wall ({$user}+{$sys} s CPU) = {$big/$wall:,.0f} sent/s wall, {$big/($user+$sys):,.0f} sent/s CPU; peak {$rss/1024:.0f} MB')"
