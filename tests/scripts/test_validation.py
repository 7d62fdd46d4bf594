#!/usr/bin/python3
"""Tests of scripts/validation-report.

  test_validation.py CASE --root SOURCE_DIR --binary RETROTCP --work DIR

pass:  validation/ns3-stock.json agrees with the simulation: exit 0, every row pass,
       the SYN-timeline figure drawn and linked.
wrong: the same expectations with deliberately wrong values: exit 1 and FAIL rows
       for exactly those; an expectation whose run fails is an ERROR (exit 1).
bad:   malformed expectation files: exit 2 with a message naming the problem.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def report(a, work, files, *extra):
    cmd = [os.path.join(a.root, "scripts", "validation-report")] + files + [
        "--binary", a.binary, "--report", os.path.join(work, "validation.md"),
        "--results", os.path.join(work, "results"), "--jobs", "2"] + list(extra)
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    sys.stdout.write(r.stdout + r.stderr)
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("case", choices=["pass", "wrong", "bad"])
    ap.add_argument("--root", required=True)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    a.binary = os.path.abspath(a.binary)
    work = os.path.join(os.path.abspath(a.work), a.case)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    src = os.path.join(a.root, "validation", "ns3-stock.json")
    spec = json.load(open(src))
    ids = [e["id"] for e in spec["expectations"]]
    md = os.path.join(work, "validation.md")

    if a.case == "pass":
        r = report(a, work, [src])
        if r.returncode != 0:
            fail("exit %d on the correct expectations" % r.returncode)
        text = open(md, encoding="utf-8").read()
        for i in ids:
            row = [l for l in text.splitlines() if l.startswith("| [%s]" % i)]
            if len(row) != 1 or not row[0].endswith("| pass |"):
                fail("report row of %s: %s" % (i, row))
        if "| [0, 3, 9, 21, 45, 93] | [0, 3, 9, 21, 45, 93] (±0.001) | pass |" not in text:
            fail("SYN schedule row does not show simulated next to expected")
        fig = os.path.join(work, "figures", "validation", "ns3-closed-port-syn-schedule.svg")
        if not os.path.isfile(fig) or os.path.getsize(fig) < 10000:
            fail("figure %s not drawn" % fig)
        if "](figures/validation/ns3-closed-port-syn-schedule.svg)" not in text:
            fail("figure not linked from the report")
        if "Do not edit" not in text:
            fail("report does not say it is generated")
    elif a.case == "wrong":
        wrong = {"ns3-closed-port-fail-time": 190, "ns3-closed-port-syn-schedule": [0, 3, 9, 21, 45, 94],
                 "quickstart-outcomes": {"established": 10, "refused": 0}}
        for e in spec["expectations"]:
            if e["id"] in wrong:
                e["expected"] = wrong[e["id"]]
        spec["expectations"].append({
            "id": "broken-run", "figure": "a run that cannot start", "source": "test",
            "run": {"scenario": "scenarios/ns3-stock-basics.json", "set": {"hosts.client.count": -1}},
            "extract": {"kind": "time_to_outcome", "conn_id": 4}, "expected": 189})
        f = os.path.join(work, "wrong.json")
        json.dump(spec, open(f, "w"), indent=2)
        r = report(a, work, [f], "--no-figures")
        if r.returncode != 1:
            fail("exit %d with wrong expectations, expected 1" % r.returncode)
        text = open(md, encoding="utf-8").read()
        for i in ids + ["broken-run"]:
            row = [l for l in text.splitlines() if l.startswith("| [%s]" % i)]
            want = "| **FAIL** |" if i in wrong else ("| **ERROR** |" if i == "broken-run" else "| pass |")
            if len(row) != 1 or not row[0].endswith(want):
                fail("row of %s should end with %s: %s" % (i, want, row))
        if "FAIL  ns3-closed-port-fail-time: simulated 189, expected 190" not in r.stdout:
            fail("the failure is not printed with simulated and expected values")
        if "/hosts/1/count" not in text:
            fail("the failed run's error is not in the report")
    else:
        cases = [
            ({"expectations": [{"id": "x", "figure": "f", "source": "s", "expected": 1}]}, "\"extract\""),
            ({"expectations": [{"id": "x", "figure": "f", "source": "s", "expected": 1,
                                "extract": {"kind": "nope"}, "run": {"scenario": "scenarios/ns3-stock-basics.json"}}]}, "kind"),
            ({"expectations": [{"figure": "f", "source": "s", "expected": 1}]}, "missing \"id\""),
            ({"expectations": [{"id": "x", "figure": "f", "source": "s", "expected": 1, "extract": {"kind": "outcome", "conn_id": 1}}]}, "\"run\""),
            ("{not json", "invalid JSON"),
        ]
        for n, (content, msg) in enumerate(cases):
            f = os.path.join(work, "bad%d.json" % n)
            with open(f, "w") as fh:
                fh.write(content if isinstance(content, str) else json.dumps(content))
            r = report(a, work, [f], "--no-figures")
            if r.returncode != 2 or msg not in r.stderr:
                fail("bad file %d: exit %d, stderr %r (expected 2 and %r)" % (n, r.returncode, r.stderr, msg))
        dup = os.path.join(work, "dup.json")
        json.dump(spec, open(dup, "w"))
        r = report(a, work, [src, dup], "--no-figures")
        if r.returncode != 2 or "already used" not in r.stderr:
            fail("duplicate ids: exit %d: %s" % (r.returncode, r.stderr))
    print("ok: %s" % a.case)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
