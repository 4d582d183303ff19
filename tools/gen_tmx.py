#!/usr/bin/python3
"""Generates a large synthetic fr/en TMX for benchmarks, plus query files, from made-up words.

Words are pseudo-words built from syllables (no third-party text), drawn with a Zipf-like
distribution so that frequent and rare tokens behave as in real text. Sentences have 8-32 words
and some numbers and punctuation. Every tu has tuid 1..N in order.

  gen_tmx.py OUT.tmx N [--queries Q.txt --count 300] [--concordance C.txt]
Lookup queries are stored French sentences with 1-3 word edits (substitution, deletion,
insertion); concordance queries are 1-3 consecutive words of stored sentences. Write to /tmp.
"""
import argparse
import random

SYLLABLES = ["ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo",
             "tra", "pre", "cli", "mon", "ran", "tel", "ver", "gal", "sor", "bri", "que", "eau",
             "é", "è", "ai", "ou", "in", "an", "eur", "ette", "ion", "age"]


def make_vocabulary(rng, size):
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    words = sorted(words)
    rng.shuffle(words)
    return words


def zipf_picker(rng, words):
    # Cumulative weights 1/rank: a few very common words, a long tail of rare ones.
    import bisect
    import itertools
    cumulative = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(words))))
    total = cumulative[-1]
    return lambda: words[bisect.bisect_left(cumulative, rng.random() * total)]


def sentence(rng, pick):
    words = [pick() for _ in range(rng.randint(8, 27))]
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words)), str(rng.randint(1, 2030)))
    if rng.random() < 0.3:
        words.insert(rng.randrange(1, len(words)), ",")
    text = " ".join(words).replace(" ,", ",")
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", " ?", " !"])


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("n", type=int)
    parser.add_argument("--queries")
    parser.add_argument("--concordance")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    fr_pick = zipf_picker(rng, make_vocabulary(rng, 60000))
    en_pick = zipf_picker(rng, make_vocabulary(rng, 50000))
    sample_every = max(1, args.n // max(1, args.count * 4))
    samples = []
    with open(args.out, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
                  '<header creationtool="gen_tmx" creationtoolversion="1" segtype="sentence" '
                  'o-tmf="synthetic" adminlang="en" srclang="fr" datatype="plaintext"/>\n<body>\n')
        for i in range(1, args.n + 1):
            fr = sentence(rng, fr_pick)
            en = sentence(rng, en_pick)
            if i % sample_every == 0:
                samples.append(fr)
            out.write(f'<tu tuid="{i}" creationdate="20250101T120000Z">'
                      f'<prop type="x-batch">b{i % 50}</prop>\n'
                      f'  <tuv xml:lang="fr"><seg>{escape(fr)}</seg></tuv>\n'
                      f'  <tuv xml:lang="en"><seg>{escape(en)}</seg></tuv>\n</tu>\n')
        out.write("</body>\n</tmx>\n")
    rng.shuffle(samples)
    if args.queries:
        with open(args.queries, "w", encoding="utf-8") as q:
            for fr in samples[:args.count]:
                words = fr.split(" ")
                for _ in range(rng.randint(1, 3)):
                    op = rng.choice(["sub", "del", "ins"])
                    at = rng.randrange(len(words))
                    if op == "sub":
                        words[at] = fr_pick()
                    elif op == "del" and len(words) > 4:
                        del words[at]
                    else:
                        words.insert(at, fr_pick())
                q.write(" ".join(words) + "\n")
    if args.concordance:
        with open(args.concordance, "w", encoding="utf-8") as c:
            for fr in samples[args.count:2 * args.count]:
                words = [w.strip(".,?!") for w in fr.split(" ") if w.strip(".,?!")]
                length = rng.randint(1, 3)
                start = rng.randrange(max(1, len(words) - length))
                c.write(" ".join(words[start:start + length]) + "\n")


if __name__ == "__main__":
    main()
