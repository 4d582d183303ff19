#!/usr/bin/env bash
# Term-pair quality on the TTC wind-energy comparable corpora (fr→en): runs
# `tandem glossary pair-files` on ttc_we/{fr,en} and scores the pairs against ttc_we/ref.fr-en.tsv
# with the shared scorer, with exact matching and with --norm loose (the references are lemmas).
#
# Usage: tools/eval_pairs.sh [TANDEM_BINARY [PAIR-FILES OPTIONS...]]
#        (default build/release/tools/tandem; e.g. --no-contexts for compositional evidence only)
# Environment: TANDEM_SHARED_DIR (default ../shared beside the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
tandem=${1:-build/release/tools/tandem}
shared=${TANDEM_SHARED_DIR:-../shared}
terms=$shared/dev/terms
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$tandem" --quiet glossary pair-files --fr "$terms"/ttc_we/fr/*.txt --en "$terms"/ttc_we/en/*.txt \
  "${@:2}" >"$out/pairs.tsv"
echo "== TTC wind energy fr→en, $(wc -l <"$out/pairs.tsv") pairs"
for norm in "" "--norm loose"; do
  echo "-- normalisation: ${norm:-exact}"
  # shellcheck disable=SC2086
  /usr/bin/python3 "$terms/score_pairs.py" "$terms/ttc_we/ref.fr-en.tsv" "$out/pairs.tsv" $norm |
    sed -n '1,3p'
done
