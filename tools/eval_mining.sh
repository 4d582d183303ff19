#!/usr/bin/env bash
# Every mining dev figure: mining/small and mining/europarl F1 at the default threshold (and the
# oracle from --sweep), tatoeba fra→eng accuracy with --best, comparable/ strict F1 with
# --comparable. Usage: tools/eval_mining.sh [path/to/tandem]   (default: build/mine/tools/tandem)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tandem="$(realpath "${1:-${TANDEM:-$here/build/mine/tools/tandem}}")"
dev="$here/../shared/dev/align"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cd "$dev"

for pool in small europarl; do
  "$tandem" -q mine "mining/$pool.fr" "mining/$pool.en" > "$out/$pool.tsv"
  echo "== mining/$pool (default threshold; oracle line is for reference only)"
  python3 score_mining.py "mining/$pool.gold" "$out/$pool.tsv" --sweep | tail -2
done

echo "== tatoeba fra→eng (--best)"
"$tandem" -q mine --best tatoeba/tatoeba.fra-eng.fra tatoeba/tatoeba.fra-eng.eng > "$out/tatoeba.tsv"
# score_retrieval.py wants one line per French sentence: the English index, -1 for none.
/usr/bin/python3 - "$out/tatoeba.tsv" tatoeba/tatoeba.fra-eng.fra "$out/tatoeba.txt" <<'PY'
import sys
best = {}
for line in open(sys.argv[1], encoding="utf-8"):
    fr, en, *_ = line.rstrip("\n").split("\t")
    best[int(fr)] = en
n = sum(1 for _ in open(sys.argv[2], encoding="utf-8"))
with open(sys.argv[3], "w", encoding="utf-8") as f:
    f.writelines(best.get(i, "-1") + "\n" for i in range(n))
PY
python3 score_retrieval.py "$out/tatoeba.txt" --gold tatoeba/tatoeba.fra-eng.gold \
  --tgt tatoeba/tatoeba.fra-eng.eng > "$out/tatoeba.score"
head -1 "$out/tatoeba.score"

echo "== comparable/ (--comparable)"
mkdir -p "$out/comparable"
for fr in comparable/*.fr; do
  name="$(basename "$fr" .fr)"
  "$tandem" -q mine --comparable "$fr" "comparable/$name.en" > "$out/comparable/$name.gold"
done
python3 score_beads.py comparable/ "$out/comparable/"
