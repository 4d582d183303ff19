#!/usr/bin/python3
"""Learns the termhood models (data/termhood/<lang>.tsv) from annotated corpora.

For each language it runs `tandem terms --features` on the annotated texts (with the domain's
unannotated texts as --background evidence), labels every candidate by membership in the gold
list, and fits an L2-regularised logistic regression by gradient descent (standard library
only). Figures are reported with the product's default cut, the one of best expected F1 (F1 counts
gold terms the generator never proposes). It also reports a cross-language check: trained on one language,
scored on the other, a rough stand-in for an unseen corpus.

Usage: tools/train_termhood.py TANDEM_BINARY [--out-dir data/termhood] [--l2 1.0]
Environment: TANDEM_SHARED_DIR (default ../shared), DOMAIN (default wind),
BACKGROUND (1: pass unannotated_texts/ as --background, the default; 0: do not).
"""
import argparse
import glob
import math
import os
import subprocess
import sys
import unicodedata


def normalise(term):
    return " ".join(unicodedata.normalize("NFC", term).lower().split())


def load_language(tandem, shared, domain, lang, key):
    base = f"{shared}/dev/terms/acter/{lang}/{domain}/annotated"
    texts = sorted(glob.glob(f"{base}/texts/*.txt"))
    background = []
    if os.environ.get("BACKGROUND", "1") == "1":
        background = sorted(glob.glob(f"{shared}/dev/terms/acter/{lang}/{domain}/unannotated_texts/*.txt"))
    out = subprocess.run([tandem, "--quiet", "terms", "--features", "--lang", lang] + texts +
                         (["--background"] + background if background else []),
                         check=True, capture_output=True, text=True).stdout.splitlines()
    names = out[0].split("\t")[1:]
    gold_path = f"{base}/annotations/unique_annotation_lists/{domain}_{lang}_{key}.tsv"
    with open(gold_path, encoding="utf-8") as f:
        gold = {normalise(line.split("\t")[0]) for line in f if line.strip()}
    rows, labels, terms = [], [], []
    for line in out[1:]:
        fields = line.split("\t")
        terms.append(fields[0])
        rows.append([float(x) for x in fields[1:]])
        labels.append(1.0 if normalise(fields[0]) in gold else 0.0)
    return {"lang": lang, "names": names, "background": bool(background), "rows": rows, "labels": labels, "terms": terms,
            "gold": len(gold)}


def fit(rows, labels, l2, iterations=400, rate=0.5):
    """Logistic regression on standardised features, Nesterov momentum; returns raw weights.

    Most features are zero on most rows (single-word copies, bins), so the rows are kept sparse
    and standardisation is folded into the weights: the same optimisation, several times faster.
    """
    n, d = len(rows), len(rows[0])
    mean = [sum(r[j] for r in rows) / n for j in range(d)]
    std = [math.sqrt(sum((r[j] - mean[j]) ** 2 for r in rows) / n) or 1.0 for j in range(d)]
    mean[0], std[0] = 0.0, 1.0  # the bias column stays 1
    sparse = [[(j, x) for j, x in enumerate(r) if j and x] for r in rows]
    w = [0.0] * d
    velocity = [0.0] * d
    for _ in range(iterations):
        look = [w[j] + 0.9 * velocity[j] for j in range(d)]
        scaled = [look[j] / std[j] for j in range(d)]
        offset = look[0] - sum(scaled[j] * mean[j] for j in range(1, d))
        raw_grad = [0.0] * d  # sum of e * x_j over rows, raw features
        error_sum = 0.0
        for x, y in zip(sparse, labels):
            s = offset + sum(scaled[j] * v for j, v in x)
            e = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s)))) - y
            error_sum += e
            for j, v in x:
                raw_grad[j] += e * v
        for j in range(d):
            g = error_sum if j == 0 else (raw_grad[j] - mean[j] * error_sum) / std[j]
            g = g / n + (l2 * look[j] / n if j else 0.0)
            velocity[j] = 0.9 * velocity[j] - rate * g
            w[j] += velocity[j]
    # Back to the raw feature scale.
    raw = [w[j] / std[j] for j in range(d)]
    raw[0] = w[0] - sum(w[j] * mean[j] / std[j] for j in range(1, d))
    return raw


def scores(weights, data):
    return [sum(a * b for a, b in zip(weights, r)) for r in data["rows"]]


def f1_at(score_list, data, threshold):
    kept = [y for s, y in zip(score_list, data["labels"]) if s >= threshold]
    tp = sum(kept)
    p = tp / len(kept) if kept else 0.0
    r = tp / data["gold"]
    return (2 * p * r / (p + r) if p + r else 0.0), p, r, len(kept)


def expected_f1_cut(score_list):
    """The product's default cut (glossary/termhood.h f1_optimal_count): the score of the k-th
    candidate, k maximising the F1 the model's own probabilities expect."""
    ranked = sorted(score_list, reverse=True)
    probabilities = [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s)))) for s in ranked]
    expected_terms = sum(probabilities)
    kept, best, best_k = 0.0, 0.0, 0
    for k, p in enumerate(probabilities, 1):
        kept += p
        f = 2 * kept / (k + expected_terms)
        if f > best:
            best, best_k = f, k
    return ranked[best_k - 1] if best_k else float("inf")


def report(label, weights, data):
    score_list = scores(weights, data)
    f, p, r, kept = f1_at(score_list, data, expected_f1_cut(score_list))
    print(f"{label}: {data['lang']} P {p:.3f} R {r:.3f} F1 {f:.3f} ({kept} kept)", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tandem")
    ap.add_argument("--out-dir", default="data/termhood", help="writes <lang>.tsv there")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--key", default="terms_nes", help="gold list: terms or terms_nes")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("TANDEM_SHARED_DIR", os.path.join(here, "..", "..", "shared"))
    domain = os.environ.get("DOMAIN", "wind")
    data = {lang: load_language(args.tandem, shared, domain, lang, args.key) for lang in ("en", "fr")}
    names = data["en"]["names"]

    # Cross-language check: weights and cut from one language, scored on the other.
    weights = {lang: fit(data[lang]["rows"], data[lang]["labels"], args.l2) for lang in ("en", "fr")}
    for train, test in (("en", "fr"), ("fr", "en")):
        report(f"trained on {train}, self", weights[train], data[train])
        report(f"trained on {train}, cross", weights[train], data[test])

    for lang in ("en", "fr"):
        d = data[lang]
        w = weights[lang]
        report(f"model {lang}", w, d)
        if args.no_write:
            continue
        with open(os.path.join(args.out_dir, f"{lang}.tsv"), "w", encoding="utf-8") as out:
            out.write("# Termhood model: logistic-regression weights per feature (log-odds of being "
                      "a\n# term). Written by tools/train_termhood.py from the ACTER "
                      f"{domain} {lang}\n# annotations (gold {args.key}, L2 {args.l2}, "
                      f"background: {'yes' if d['background'] else 'no'}); do not edit by hand.\n")
            for name, weight in zip(names, w):
                out.write(f"{name}\t{weight:.6g}\n")


if __name__ == "__main__":
    main()
