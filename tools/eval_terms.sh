#!/usr/bin/env bash
# Term extraction quality on the ACTER wind-energy dev texts (en, fr): runs `tandem terms` with
# its default cut and scores the list against the terms-only and the terms+named-entities keys
# (P, R, F1, R-precision, ...) with the shared scorer.
#
# Usage: tools/eval_terms.sh [TANDEM_BINARY]   (default build/release/tools/tandem)
# Environment: TANDEM_SHARED_DIR (default ../shared beside the checkout), DOMAIN (default wind).
set -euo pipefail
cd "$(dirname "$0")/.."
tandem=${1:-build/release/tools/tandem}
shared=${TANDEM_SHARED_DIR:-../shared}
domain=${DOMAIN:-wind}
terms=$shared/dev/terms
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for lang in en fr; do
  acter=$terms/acter/$lang/$domain/annotated
  # The domain's unannotated texts are background evidence (frequencies, spread), as the
  # shared task allowed; the terms come from the annotated texts only.
  "$tandem" --quiet terms --lang "$lang" "$acter"/texts/*.txt \
    --background "$terms/acter/$lang/$domain"/unannotated_texts/*.txt | cut -f1 >"$out/$lang.txt"
  for key in terms terms_nes; do
    echo "== $lang $domain, gold ${domain}_${lang}_${key}.tsv ($(wc -l <"$out/$lang.txt") candidates)"
    /usr/bin/python3 "$terms/score_terms.py" \
      "$acter/annotations/unique_annotation_lists/${domain}_${lang}_${key}.tsv" "$out/$lang.txt" |
      sed -n '1,3p'
  done
done
