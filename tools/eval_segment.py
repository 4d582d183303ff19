#!/usr/bin/python3
"""Sentence-boundary F1 of `tandem segment` on the non-literary parallel dev documents.

Each gold file has one sentence (segment) per line. Lines are rejoined into paragraphs of
--group lines (joined by a space), one paragraph per line of a temporary input file, which is
segmented with `TANDEM segment --lang fr|en FILE`. Every gold line end is a gold boundary.
Boundaries are compared as offsets counted in non-whitespace characters, so spacing differences
do not matter. Paragraph ends are boundaries any splitter gets for free: the "interior" figure
leaves them out, the "all" figure counts them.

Usage: tools/eval_segment.py [--tandem build/x/tools/tandem] [--data DIR] [--group 4]
                             [--baseline] [--per-doc] [--errors N]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(REPO, "..", "shared", "dev", "align", "parallel")
PREFIXES = ("tico19_", "flores_", "europarl_")


def nonspace_len(s):
    return sum(1 for c in unicodedata.normalize("NFC", s) if not c.isspace())


def boundaries(pieces):
    """Cumulative non-whitespace offsets at the end of each piece."""
    out, total = [], 0
    for p in pieces:
        n = nonspace_len(p)
        if n == 0:
            continue
        total += n
        out.append(total)
    return out


def paragraphs(lines, group):
    return [" ".join(lines[i:i + group]) for i in range(0, len(lines), group)]


NAIVE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«\"“])")


def naive_segment(paras):
    out = []
    for p in paras:
        out.extend(s for s in NAIVE.split(p) if s.strip())
    return out


def tandem_segment(tandem, lang, paras):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("\n".join(paras) + "\n")
        path = f.name
    try:
        run = subprocess.run([tandem, "segment", "--lang", lang, path], capture_output=True,
                             text=True, encoding="utf-8")
    finally:
        os.unlink(path)
    if run.returncode != 0:
        sys.exit(f"eval_segment: {tandem} segment failed ({run.returncode}): {run.stderr.strip()}")
    return [l for l in run.stdout.split("\n") if l.strip()]


def score(gold, pred, para_ends):
    g_all, p_all = set(gold), set(pred)
    g_in, p_in = g_all - para_ends, p_all - para_ends
    return {"all": (len(g_all & p_all), len(p_all), len(g_all)),
            "interior": (len(g_in & p_in), len(p_in), len(g_in))}


def f1(tp, npred, ngold):
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def add(acc, s):
    for k, (tp, np_, ng) in s.items():
        a = acc.setdefault(k, [0, 0, 0])
        a[0] += tp
        a[1] += np_
        a[2] += ng


def fmt(acc):
    parts = []
    for k in ("interior", "all"):
        p, r, f = f1(*acc[k])
        parts.append(f"{k}: P={p:.3f} R={r:.3f} F1={f:.3f}")
    return "  ".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tandem", default=os.environ.get("TANDEM", "tandem"),
                    help="the tandem binary (default: $TANDEM or tandem on PATH)")
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--group", type=int, default=4, help="gold lines per paragraph")
    ap.add_argument("--baseline", action="store_true", help="score a naive regex splitter instead")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="show up to N wrong boundaries per doc")
    args = ap.parse_args()

    docs = sorted(f for f in os.listdir(args.data)
                  if f.startswith(PREFIXES) and f.endswith((".fr", ".en")))
    totals = {}
    overall = {}
    for name in docs:
        lang = name.rsplit(".", 1)[1]
        with open(os.path.join(args.data, name), encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f if l.strip()]
        paras = paragraphs(lines, args.group)
        pred = naive_segment(paras) if args.baseline else tandem_segment(args.tandem, lang, paras)
        gold_b = boundaries(lines)
        pred_b = boundaries(pred)
        para_ends = set(boundaries(paras))
        s = score(gold_b, pred_b, para_ends)
        add(totals.setdefault(lang, {}), s)
        add(overall, s)
        if args.per_doc:
            acc = {}
            add(acc, s)
            print(f"{name:40s} {fmt(acc)}")
        if args.errors:
            show_errors(lines, pred, gold_b, pred_b, args.errors)
    for lang in sorted(totals):
        print(f"{lang:8s} {fmt(totals[lang])}")
    print(f"{'overall':8s} {fmt(overall)}")


def show_errors(lines, pred, gold_b, pred_b, limit):
    text = "".join(c for c in unicodedata.normalize("NFC", " ".join(lines)) if not c.isspace())
    shown = 0
    for kind, missing in (("missed", sorted(set(gold_b) - set(pred_b))),
                          ("extra", sorted(set(pred_b) - set(gold_b)))):
        for b in missing:
            if shown >= limit:
                return
            print(f"  {kind}: ...{text[max(0, b - 40):b]} | {text[b:b + 30]}...")
            shown += 1


if __name__ == "__main__":
    main()
