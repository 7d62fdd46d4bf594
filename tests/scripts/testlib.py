"""What the script tests share: checks that stop a case, their command line, and a
fresh work folder per case."""
import argparse
import os
import shutil


class Failure(Exception):
    pass


def check(cond, msg):
    """Stop the case with \\p msg unless \\p cond holds."""
    if not cond:
        raise Failure(msg)


def arguments(*positional, binary=True, work=True):
    """--root SOURCE_DIR [--binary RETROTCP] [--work DIR] and the positional
    arguments named; each (name, choices) pair gives a positional with choices."""
    ap = argparse.ArgumentParser()
    for p in positional:
        name, choices = p if isinstance(p, tuple) else (p, None)
        ap.add_argument(name, choices=choices)
    ap.add_argument("--root", required=True)
    if binary:
        ap.add_argument("--binary", required=True)
    if work:
        ap.add_argument("--work", required=True)
    return ap.parse_args()


def fresh_folder(work, name):
    """WORK/NAME, absolute and empty."""
    path = os.path.abspath(os.path.join(work, name))
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path
