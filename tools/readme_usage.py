#!/usr/bin/python3
"""Keeps the README's usage section equal to the CLI's --help.

The section between the usage:begin and usage:end markers holds `tandem --help` and the help of
every subcommand, found by walking the "Subcommands:" lists.

  tools/readme_usage.py --tandem build/release/tools/tandem --write   # regenerate the section
  tools/readme_usage.py --tandem build/release/tools/tandem --check   # exit 1 if it differs
"""
import argparse
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN = "<!-- usage:begin (kept equal to `tandem --help` by tests/cli) -->"
END = "<!-- usage:end -->"


def help_of(tandem, path):
    result = subprocess.run([tandem, *path, "--help"], capture_output=True, text=True,
                            env={**os.environ, "COLUMNS": "100"})
    if result.returncode != 0:
        sys.exit(f"{' '.join(path)} --help exited {result.returncode}: {result.stderr}")
    return result.stdout.rstrip() + "\n"


def subcommands(help_text):
    names, inside = [], False
    for line in help_text.splitlines():
        if line.startswith("Subcommands:"):
            inside = True
        elif inside and re.match(r"^  \S", line):
            names.append(line.split()[0])
        elif inside and line and not line.startswith(" "):
            inside = False
    return names


def usage_section(tandem):
    blocks, queue = [], [[]]
    while queue:
        path = queue.pop(0)
        text = help_of(tandem, path)
        title = " ".join(["tandem", *path])
        blocks.append(f"### `{title}`\n\n```\n{text}```\n")
        queue.extend(path + [name] for name in subcommands(text))
    return "\n".join(blocks)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tandem", required=True)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--write", action="store_true")
    args = parser.parse_args()

    readme_path = os.path.join(REPO, "README.md")
    readme = open(readme_path, encoding="utf-8").read()
    start, end = readme.index(BEGIN) + len(BEGIN), readme.index(END)
    wanted = "\n" + usage_section(args.tandem) + "\n"
    if args.write:
        with open(readme_path, "w", encoding="utf-8") as out:
            out.write(readme[:start] + wanted + readme[end:])
        return 0
    if readme[start:end] != wanted:
        print("README usage section differs from `tandem --help`; run "
              "tools/readme_usage.py --tandem PATH --write", file=sys.stderr)
        return 1
    print("README usage section matches --help")
    return 0


if __name__ == "__main__":
    sys.exit(main())
