#!/usr/bin/env python3
"""Run a program and compare what it prints with its transcript.

Usage: check-output.py TRANSCRIPT PROGRAM [ARG...]
       check-output.py --expect-failure REGEX PROGRAM [ARG...]

Exit 0 if the program exits 0 and its standard output is TRANSCRIPT byte for byte;
otherwise print a unified diff (transcript first) and exit 1. Regenerate a
transcript only after checking the new output against the rule it shows:
PROGRAM > TRANSCRIPT.

With --expect-failure: exit 0 if the program fails (non-zero status or a signal)
and its standard error matches REGEX.
"""
import difflib
import re
import subprocess
import sys


def expect_failure(pattern, command):
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode != 0 and re.search(pattern, run.stderr, re.DOTALL):
        return 0
    print(f"{' '.join(command)}: exit status {run.returncode}, expected a failure with "
          f"/{pattern}/ on standard error")
    print("stdout:", run.stdout[-4000:])
    print("stderr:", run.stderr[-4000:])
    return 1


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "--expect-failure":
        return expect_failure(sys.argv[2], sys.argv[3:])
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    transcript, command = sys.argv[1], sys.argv[2:]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    with open(transcript, encoding="utf-8") as f:
        expected = f.read()
    ok = run.returncode == 0 and run.stdout == expected
    if not ok:
        sys.stdout.writelines(difflib.unified_diff(
            expected.splitlines(True), run.stdout.splitlines(True), transcript, "output"))
        print(f"\n{' '.join(command)}: exit status {run.returncode}")
        if run.stderr:
            print(run.stderr[-4000:])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
