#!/usr/bin/env bash
# Term-pair quality on the TTC wind-energy comparable corpora (fr→en): runs `tandem glossary
# pair-files` on ttc_we/{fr,en} and scores the pairs against ttc_we/ref.fr-en.tsv with the
# shared scorer, with exact matching and with --norm loose (the references are lemmas), in three
# settings:
#  - open: both sides' terms extracted from the corpora (nothing given);
#  - French list: the reference's French terms given (--fr-terms), English terms extracted;
#  - both lists: the reference's French and English terms given (--fr-terms, --en-terms), the
#    setting of the dev README's spelling-similarity baseline (P@1 0.384);
# and, as a check on terms that were never tuned on, EuroVoc's ENERGY domain (66): its French and
# English preferred labels given as the two lists, the TTC texts as contexts.
#
# Usage: tools/eval_pairs.sh [TANDEM_BINARY [PAIR-FILES OPTIONS...]]
#        (default build/release/tools/tandem; e.g. --no-contexts for compositional evidence only)
# Environment: TANDEM_SHARED_DIR (default ../shared beside the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
tandem=${1:-build/release/tools/tandem}
shared=${TANDEM_SHARED_DIR:-../shared}
terms=$shared/dev/terms
ref=$terms/ttc_we/ref.fr-en.tsv
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

grep -v '^#' "$ref" | cut -f1 >"$out/fr-terms.txt"
grep -v '^#' "$ref" | cut -f2 >"$out/en-terms.txt"
run() {
  local name=$1 ref=$2
  shift 2
  "$tandem" --quiet glossary pair-files --fr "$terms"/ttc_we/fr/*.txt --en "$terms"/ttc_we/en/*.txt \
    "$@" >"$out/pairs.tsv"
  echo "== fr→en, $name: $(wc -l <"$out/pairs.tsv") pairs"
  for norm in "" "--norm loose"; do
    echo "-- normalisation: ${norm:-exact}"
    # shellcheck disable=SC2086
    /usr/bin/python3 "$terms/score_pairs.py" "$ref" "$out/pairs.tsv" $norm | sed -n '1,3p'
  done
}
run "TTC wind energy, open (terms extracted on both sides)" "$ref" "${@:2}"
run "TTC, French terms given" "$ref" --fr-terms "$out/fr-terms.txt" "${@:2}"
run "TTC, French and English terms given" "$ref" --fr-terms "$out/fr-terms.txt" \
  --en-terms "$out/en-terms.txt" "${@:2}"

awk -F'\t' '!/^#/ && $5 == "pref" && $6 == "pref" && (" " $4 " ") ~ / 66 /' \
  "$terms/eurovoc/fr-en.dev.tsv" | cut -f1,2 >"$out/eurovoc.tsv"
cut -f1 "$out/eurovoc.tsv" >"$out/eurovoc-fr.txt"
cut -f2 "$out/eurovoc.tsv" >"$out/eurovoc-en.txt"
run "EuroVoc ENERGY preferred labels given ($(wc -l <"$out/eurovoc.tsv") concepts)" "$out/eurovoc.tsv" \
  --fr-terms "$out/eurovoc-fr.txt" --en-terms "$out/eurovoc-en.txt" "${@:2}"
