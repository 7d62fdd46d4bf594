#!/usr/bin/python3
"""The documentation is true to the tree and self-contained.

  test_docs.py --root SOURCE_DIR --binary RETROTCP

- every relative link of the Markdown files resolves to a file of the repository;
- no product file points outside the repository (/work/..., ../shared) or names
  an issue number (stable rule ids of validation/ are the references);
- README.md and docs/README.md list every sample scenario;
- `retrotcp run --help` names every result file and no internal option.
The model sources under models/*/model and models/*/test are outside this check
(their comments are the model owners'); their docs are inside it.
"""
import argparse
import glob
import os
import re
import subprocess
import sys


def fail(msgs):
    for m in msgs:
        print("FAIL: " + m)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--binary", required=True)
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True).stdout.split()
    if not tracked:  # not a git checkout: every file
        tracked = [os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "**"), recursive=True)
                   if os.path.isfile(p) and "/build" not in p]
    problems = []
    md = [f for f in tracked if f.endswith(".md")]
    for f in md:
        text = open(os.path.join(root, f), encoding="utf-8").read()
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            path = os.path.normpath(os.path.join(root, os.path.dirname(f), target))
            if not os.path.exists(path):
                problems.append("%s: link to %s, which does not exist" % (f, target))
            elif not path.startswith(root + os.sep):
                problems.append("%s: link to %s, outside the repository" % (f, target))
    product = [f for f in tracked
               if not re.match(r"models/[^/]+/(model|test)/", f) and not f.startswith("tests/golden/")
               and not f.endswith((".png", ".svg", ".pcap", ".sha256")) and f != "docs/validation.md"]
    outside = re.compile(r"/work/|\.\./shared|shared/notes|shared/seeds")
    issue = re.compile(r"\bissues?\s+#?\d+\b|\bissue-\d+\b", re.I)
    for f in product:
        try:
            text = open(os.path.join(root, f), encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if f == "tests/scripts/test_docs.py":
                continue
            if outside.search(line):
                problems.append("%s:%d: points outside the repository: %s" % (f, n, line.strip()[:100]))
            if issue.search(line):
                problems.append("%s:%d: names an issue number: %s" % (f, n, line.strip()[:100]))
    scenarios = sorted(os.path.basename(p) for p in glob.glob(os.path.join(root, "scenarios", "*.json"))
                       if not p.endswith("schema.json"))
    for readme in ("README.md", "docs/README.md"):
        text = open(os.path.join(root, readme), encoding="utf-8").read()
        for s in scenarios:
            if "scenarios/" + s + ")" not in text:
                problems.append("%s does not list scenarios/%s" % (readme, s))
    h = subprocess.run([a.binary, "run", "--help"], capture_output=True, text=True).stdout
    for name in ("scenario.json", "events.csv", "connections.csv", "commands.csv", "summary.json", "pcap/"):
        if name not in h:
            problems.append("run --help does not name %s" % name)
    if "--scenario" in h:
        problems.append("run --help shows the internal --scenario option")
    if problems:
        fail(problems)
    print("ok: %d Markdown files, %d product files, %d scenarios listed" % (len(md), len(product), len(scenarios)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
