#!/usr/bin/python3
"""Tests of scripts/plot: each figure from the sample CSVs in tests/scripts/data/
(their input formats; test_plot_real.py makes every figure from real output).

  test_plot.py FIGURE --root SOURCE_DIR --work DIR

Checks that the PNG and SVG exist, are real images of a plausible size, that the
SVG carries the axis labels, that a second run gives a byte-identical SVG, and
(for `errors`) that bad input gives exit status 2 and empty input 1.
"""
import argparse
import os
import shutil
import subprocess
import sys

D = "tests/scripts/data"
FIGURES = {
    "retry-times": [D + "/retry-aggregate.csv", "--x", "hosts.prober.stack.parameters.MaxConnectRetries",
                    "--profile-column", "hosts.prober.stack.profile"],
    "retry-times-connections": ["retry-times", D + "/retry-connections.csv"],
    "blocks-timeline": [D + "/storm-events.csv"],
    "relogon-heatmap": [D + "/relogon-aggregate.csv", "--x", "hosts.ws.stack.parameters.TCPCONNECTIONS",
                        "--y", "hosts.ws.stack.parameters.MSL", "--xlabel", "TCPCONNECTIONS", "--ylabel", "MSL",
                        "--failures", "outcome_no_tcb"],  # a hand-made aggregate has no re-logon columns
    "logon-cdf": [D + "/logon-commands.csv"],
    "syn-timeline": [D + "/syn-events.csv"],
    "bench-scaling": [D + "/bench.csv", "--annotate"],
}


def run(root, args):
    return subprocess.run([os.path.join(root, "scripts", "plot")] + args, cwd=root, capture_output=True, text=True,
                          timeout=120)


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("figure", choices=list(FIGURES) + ["errors"])
    ap.add_argument("--root", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    work = os.path.join(os.path.abspath(a.work), a.figure)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    if a.figure == "errors":
        r = run(a.root, ["syn-timeline", D + "/no-such-file.csv", "--out", work])
        if r.returncode != 2 or "no-such-file.csv" not in r.stderr:
            fail("missing input: exit %d: %s" % (r.returncode, r.stderr))
        r = run(a.root, ["relogon-heatmap", D + "/relogon-aggregate.csv", "--x", "nope", "--y", "seed", "--out", work])
        if r.returncode != 2 or "no column nope" not in r.stderr:
            fail("unknown column: exit %d: %s" % (r.returncode, r.stderr))
        r = run(a.root, ["blocks-timeline", D + "/syn-events.csv", "--out", work])  # no block events
        if r.returncode != 1 or "nothing to plot" not in r.stderr:
            fail("nothing to plot: exit %d: %s" % (r.returncode, r.stderr))
        print("ok: errors")
        return 0
    args = FIGURES[a.figure]
    fig = a.figure
    if args[0] == "retry-times":
        fig, args = args[0], args[1:]
    outs = []
    for n in (1, 2):
        out = os.path.join(work, "run%d" % n)
        r = run(a.root, [fig] + args + ["--out", out, "--name", a.figure])
        if r.returncode != 0:
            fail("plot %s exited %d: %s" % (a.figure, r.returncode, r.stderr))
        outs.append(out)
        for ext, magic, minsize in (("png", b"\x89PNG\r\n\x1a\n", 15000), ("svg", b"<?xml", 10000)):
            p = os.path.join(out, "%s.%s" % (a.figure, ext))
            if not os.path.isfile(p):
                fail("no %s" % p)
            data = open(p, "rb").read()
            if not data.startswith(magic) or len(data) < minsize:
                fail("%s: not a %s of at least %d bytes (%d bytes)" % (p, ext, minsize, len(data)))
            if p not in r.stdout:
                fail("plot did not print %s" % p)
    s1 = open(os.path.join(outs[0], a.figure + ".svg"), "rb").read()
    s2 = open(os.path.join(outs[1], a.figure + ".svg"), "rb").read()
    if s1 != s2:
        fail("the SVG differs between two runs")
    # labelled axes: render the SVG with text as text and look for the labels
    out = os.path.join(work, "text")
    env = dict(os.environ, RETROTCP_PLOT_SVG_TEXT="1")
    r = subprocess.run([os.path.join(a.root, "scripts", "plot"), fig] + args + ["--out", out, "--name", a.figure,
                       "--format", "svg"], cwd=a.root, capture_output=True, text=True, env=env, timeout=120)
    svg = open(os.path.join(out, a.figure + ".svg"), encoding="utf-8").read()
    words = {"relogon-heatmap": ("TCPCONNECTIONS", "MSL", "(outcome_no_tcb) / connections"),
             "bench-scaling": ("TIME-WAIT", "per wall-clock second", "B/conn")}.get(a.figure, ("(s)",))
    for word in words:
        if word not in svg:
            fail("%s: no axis label with %r (units)" % (a.figure, word))
    print("ok: %s" % a.figure)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
