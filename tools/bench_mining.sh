#!/usr/bin/env bash
# Scaling of `tandem mine`: synthetic pools of N French × N English sentences built in /tmp by
# concatenating the dev sentences of ../shared/dev/align (all sets, shuffled with a fixed seed,
# repeated with a numeric suffix when N exceeds the distinct sentences). Prints wall time and
# peak memory (GNU time) for N = 5k, 10k, 20k, 40k, one core.
# Usage: tools/bench_mining.sh [path/to/tandem] [N...]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tandem="$(realpath "${1:-${TANDEM:-$here/build/mine/tools/tandem}}")"
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(5000 10000 20000 40000)
dev="$here/../shared/dev/align"
work="$(mktemp -d /tmp/bench_mining.XXXXXX)"
trap 'rm -rf "$work"' EXIT

cat "$dev"/parallel/*.fr "$dev"/comparable/*.fr "$dev"/mining/*.fr "$dev"/tatoeba/*.fra > "$work/all.fr"
cat "$dev"/parallel/*.en "$dev"/comparable/*.en "$dev"/mining/*.en "$dev"/tatoeba/*.eng > "$work/all.en"
printf "%8s %10s %12s %8s\n" N seconds peak_MB pairs
for n in "${sizes[@]}"; do
  for lang in fr en; do
    /usr/bin/python3 - "$work/all.$lang" "$n" "$work/pool.$lang" <<'PY'
import random, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l.strip()]
n = int(sys.argv[2])
random.seed(n)
out, round_ = [], 0
while len(out) < n:
    batch = lines[:]
    random.shuffle(batch)
    out += [l if round_ == 0 else f"{l} ({round_})" for l in batch]
    round_ += 1
open(sys.argv[3], "w", encoding="utf-8").write("\n".join(out[:n]) + "\n")
PY
  done
  /usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$tandem" -q mine "$work/pool.fr" "$work/pool.en" > "$work/pairs"
  read -r secs kb < "$work/time"
  printf "%8d %10s %12d %8d\n" "$n" "$secs" "$((kb / 1024))" "$(wc -l < "$work/pairs")"
done
