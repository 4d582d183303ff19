#!/usr/bin/python3
"""Language-identification accuracy of `tandem detect`.

Line level: every line of the Tatoeba dev files (tatoeba.fra-eng.fra is all French,
tatoeba.fra-eng.eng all English) through `TANDEM detect --lines FILE`; accuracy per file and
overall. Document level: the five seeds through `TANDEM detect FILE...` against their known
languages (002 English, the others French).

Usage: tools/eval_langid.py [--tandem build/x/tools/tandem] [--shared DIR] [--errors N]
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SHARED = os.path.join(os.path.dirname(HERE), "..", "shared")
LINE_FILES = [("dev/align/tatoeba/tatoeba.fra-eng.fra", "fr"),
              ("dev/align/tatoeba/tatoeba.fra-eng.eng", "en")]
SEEDS = {"000": "fr", "001": "fr", "002": "en", "003": "fr", "004": "fr"}


def run(tandem, args):
    r = subprocess.run([tandem, "detect"] + args, capture_output=True, text=True,
                       encoding="utf-8")
    if r.returncode != 0:
        sys.exit(f"eval_langid: {tandem} detect failed ({r.returncode}): {r.stderr.strip()}")
    return r.stdout.rstrip("\n").split("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tandem", default=os.environ.get("TANDEM", "tandem"))
    ap.add_argument("--shared", default=DEFAULT_SHARED)
    ap.add_argument("--errors", type=int, default=0, help="show up to N wrong lines per file")
    args = ap.parse_args()

    total = right = 0
    for rel, lang in LINE_FILES:
        path = os.path.join(args.shared, rel)
        with open(path, encoding="utf-8") as f:
            lines = f.read().rstrip("\n").split("\n")
        out = run(args.tandem, ["--lines", path])
        if len(out) != len(lines):
            sys.exit(f"eval_langid: {len(out)} results for {len(lines)} lines of {rel}")
        wrong = [(l, o) for l, o in zip(lines, out) if o.split("\t")[0] != lang]
        ok = len(lines) - len(wrong)
        print(f"{os.path.basename(rel):28s} {lang}  {ok}/{len(lines)}  accuracy={ok / len(lines):.4f}")
        for l, o in wrong[:args.errors]:
            print(f"    {o}\t{l}")
        total += len(lines)
        right += ok
    print(f"{'lines overall':28s}     {right}/{total}  accuracy={right / total:.4f}")

    seed_dir = os.path.join(args.shared, "seeds")
    seeds = sorted(f for f in os.listdir(seed_dir) if f[:3] in SEEDS)
    out = run(args.tandem, [os.path.join(seed_dir, s) for s in seeds])
    seeds_right = 0
    for s, o in zip(seeds, out):
        got = o.split("\t")[1]
        mark = "ok" if got == SEEDS[s[:3]] else "WRONG"
        seeds_right += got == SEEDS[s[:3]]
        print(f"seed {s:28s} expected {SEEDS[s[:3]]}  got {got} ({o.split(chr(9))[2]})  {mark}")
    print(f"seeds: {seeds_right}/{len(seeds)}")
    return 0 if seeds_right == len(seeds) else 1


if __name__ == "__main__":
    sys.exit(main())
