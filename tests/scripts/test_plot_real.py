#!/usr/bin/python3
"""Every figure of scripts/plot made from real output: runs and sweeps of the sample
scenarios and a real benchmark (registered in tests/scripts/CMakeLists.txt).

  test_plot_real.py FIGURE --root SOURCE_DIR --binary RETROTCP --work DIR

Each case makes the data with retrotcp (and scripts/sweep), plots it with the
SVG text kept as text, and checks what the figure says: which hosts, which
values, which labels, and that it stays a readable size.
"""
import os
import re
import shutil
import struct
import subprocess
import sys

from testlib import Failure, arguments, check, fresh_folder

CASES = ("blocks-timeline", "relogon-heatmap", "retry-times", "retry-times-rate", "syn-timeline", "logon-cdf",
         "bench-scaling")


class Env:
    def __init__(self, a):
        self.root, self.binary = os.path.abspath(a.root), os.path.abspath(a.binary)
        self.work = fresh_folder(a.work, "real-" + a.figure)

    def run(self, scenario, name, *args):
        out = os.path.join(self.work, name)
        r = subprocess.run([self.binary, "run", os.path.join(self.root, "scenarios", scenario + ".json"), "--out", out,
                            "--quiet", *args], capture_output=True, text=True, timeout=300)
        check(r.returncode == 0, "retrotcp run %s: %s" % (scenario, r.stderr))
        return out

    def sweep(self, scenario, name, *args):
        out = os.path.join(self.work, name)
        r = subprocess.run([os.path.join(self.root, "scripts", "sweep"), os.path.join(self.root, "scenarios",
                            scenario + ".json"), "--out", out, "--binary", self.binary, "--progress", "none",
                            "--no-events", *args], capture_output=True, text=True, timeout=300)
        check(r.returncode == 0, "sweep %s: %s" % (scenario, r.stderr))
        return os.path.join(out, "aggregate.csv")

    def plot(self, figure, *args, name=None, expect=0):
        name = name or figure
        out = os.path.join(self.work, "figures")
        env = dict(os.environ, RETROTCP_PLOT_SVG_TEXT="1")
        r = subprocess.run([os.path.join(self.root, "scripts", "plot"), figure, *args, "--out", out, "--name", name],
                           capture_output=True, text=True, env=env, timeout=120)
        check(r.returncode == expect, "plot %s exited %d: %s" % (figure, r.returncode, r.stderr))
        if expect:
            return r.stderr, None, None
        svg = open(os.path.join(out, name + ".svg"), encoding="utf-8").read()
        with open(os.path.join(out, name + ".png"), "rb") as f:
            head = f.read(24)
        check(head[:8] == b"\x89PNG\r\n\x1a\n", "%s.png is not a PNG" % name)
        width, height = struct.unpack(">II", head[16:24])
        return r.stderr, svg, (width, height)


def texts(svg):
    """The text of every <text> element of an SVG written with svg.fonttype none."""
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)]


def case_blocks_timeline(env):
    # lanman-relogon-error: the workstations' pools (7 blocks, from scenario.json)
    # run out, ws-heavy's first; the servers (NT, no fixed pool) are left out.
    run = env.run("lanman-relogon-error", "relogon")
    err, svg, size = env.plot("blocks-timeline", os.path.join(run, "events.csv"))
    words = texts(svg)
    check("ws-heavy, ws-light (pools that ran out first" in err, "host choice: %s" % err)
    check("ws-light" in words and "ws-heavy" in words, "the workstations are not shown: %s" % words)
    check(not any(w in ("dc", "fs-1", "fs-2") for w in words), "servers without a pool are shown: %s" % words)
    check(words.count("7") == 2 and "pool size" in words and "pool exhausted" in words,
          "pool size 7 of each workstation, from the run's configuration: %s" % words)
    err, svg, _ = env.plot("blocks-timeline", os.path.join(run, "events.csv"), "--hosts", "ws-light", "--title", "",
                           name="one")
    words = texts(svg)
    check("ws-light" in words and "ws-heavy" not in words, "--hosts ws-light: %s" % words)
    check("Connection blocks in use per host" not in words, "--title '' kept the title")
    err, _, _ = env.plot("blocks-timeline", os.path.join(run, "events.csv"), "--hosts", "nobody", name="bad", expect=2)
    check("no block events for nobody" in err, "--hosts nobody: %s" % err)


def case_relogon_heatmap(env):
    # The re-logon failure rate of ws-light: failed net commands of the re-logon
    # and its script over all of them: 6/7, 3/7, 1/7, 0/7 for TCPCONNECTIONS
    # 7, 9, 11, 13, the same at every MSL (the re-logon closes the old sessions).
    agg = env.sweep("lanman-relogon-error", "sweep", "--grid", "hosts.ws-light.stack.parameters.TCPCONNECTIONS=7,9,11,13",
                    "--grid", "hosts.ws-light.stack.parameters.MSL=30s,1s,2s")
    err, svg, _ = env.plot("relogon-heatmap", agg, "--x", "hosts.ws-light.stack.parameters.TCPCONNECTIONS",
                           "--y", "hosts.ws-light.stack.parameters.MSL", "--group", "ws-light", "--xlabel", "TCPCONNECTIONS",
                           "--ylabel", "MSL")
    words = texts(svg)
    numbers = [w for w in words if re.fullmatch(r"\d+", w) and w not in ("7", "9", "11", "13")]
    for tick in ("0", "20", "40", "60", "80", "100"):  # the colour bar's
        numbers.remove(tick)
    check(sorted(numbers, key=int) == sorted(["86", "43", "14", "0"] * 3, key=int), "cell values: %s" % numbers)
    check("re-logon failure rate of ws-light (%)" in words, "colour bar label: %s" % words)
    ys = [w for w in words if w in ("1s", "2s", "30s")]
    check(ys == ["1s", "2s", "30s"], "MSL rows in numeric order: %s" % ys)
    check("failed net commands of the re-logons and their logon scripts" in err, "definition not printed: %s" % err)
    err, _, _ = env.plot("relogon-heatmap", agg, "--x", "hosts.ws-light.stack.parameters.TCPCONNECTIONS",
                         "--y", "hosts.ws-light.stack.parameters.MSL", "--group", "nobody", name="bad", expect=2)
    check("host groups: ws-heavy, ws-light" in err, "unknown group: %s" % err)


def case_retry_times(env):
    # Winsock: after each RST the SYN is re-sent 0.5 s later, so refused at 0.5 x N
    # s for N retransmissions (Q175523); Linux fails on the first RST.
    agg = env.sweep("ns3-stock-basics", "sweep", "--grid", "hosts.prober.stack.profile=winnt-4.0,win95,linux",
                    "--grid", "hosts.prober.stack.parameters.MaxConnectRetransmissions=1,2,3,5")
    err, svg, _ = env.plot("retry-times", agg, "--x", "hosts.prober.stack.parameters.MaxConnectRetransmissions",
                           "--profile-column", "hosts.prober.stack.profile", "--annotate")
    words = texts(svg)
    for w in ("winnt-4.0", "win95", "linux", "refused (RST|ACK received)"):
        check(w in words, "no legend entry %r: %s" % (w, words))
    for v in ("0.5", "1", "1.5", "2.5"):
        check(words.count(v) >= 2 or any(x.startswith(v) for x in words), "no value %s s annotated" % v)


def case_retry_times_rate(env):
    # x values with units: WAN data rates are parsed (bit/s), not skipped.
    agg = env.sweep("winsock-long-distance", "sweep", "--grid", "network.wan_links.ocean.data_rate=64kbps,1544kbps,10Mbps")
    err, svg, _ = env.plot("retry-times", agg, "--x", "network.wan_links.ocean.data_rate")
    words = texts(svg)
    check("network.wan_links.ocean.data_rate (bit/s)" in words, "x label with its unit: %s" % words)
    check("Time to connect() failure against data_rate" in words, "title: %s" % words)


def case_syn_timeline(env):
    # 600 connect() calls of the port scan: the first 40, rows that fit a screen.
    run = env.run("winsock-port-scan", "scan")
    err, svg, (w, h) = env.plot("syn-timeline", os.path.join(run, "events.csv"), "--annotate")
    check("the first 40 of 600 connections" in err, "the cut is not said: %s" % err)
    check(h <= 1500, "%d px tall for 40 rows" % h)
    words = texts(svg)
    check(sum(1 for x in words if x.startswith("refused at")) >= 35, "failures not annotated with their outcome")
    check("RST received" in words, "legend")
    # RST marks drawn above the SYN marks (their z order), so a RST right after its
    # SYN stays visible.
    err, svg, (w, h) = env.plot("syn-timeline", os.path.join(run, "events.csv"), "--conns", "1,2,3", name="three")
    check(h < 700, "3 rows are %d px tall" % h)


def case_logon_cdf(env):
    run = env.run("lanman-morning-storm", "storm", "--set", "hosts.ws.count=20")
    err, svg, _ = env.plot("logon-cdf", os.path.join(run, "commands.csv"), "--label", "storm")
    check("storm (n=20)" in texts(svg), "20 logons: %s" % texts(svg))


def case_bench_scaling(env):
    csv = os.path.join(env.work, "bench.csv")
    r = subprocess.run([os.path.join(env.root, "scripts", "bench-sweep"), "--out", csv, "--binary", env.binary,
                        "2x100", "4x100", "4x400", "idle:200", "idle:400"], capture_output=True, text=True,
                       timeout=300)
    check(r.returncode == 0, "bench-sweep: %s" % r.stderr)
    err, svg, (w, h) = env.plot("bench-scaling", csv, "--annotate")
    words = texts(svg)
    check("reference: 10,000 conn/s (left), 2 KiB per connection (right), 6 kB per idle host" in words,
          "dashed lines unexplained: %s" % words)
    check("idle hosts (bench --idle-hosts)" in words, "no idle-host panel")
    check(any(re.fullmatch(r"4 x 400 \(\d+\.\dx stock\)", x) for x in words), "no ratio to stock: %s" % words)
    labels = [x for x in words if re.fullmatch(r"\d+(\.\d+)?k?", x)]
    check(len(set(labels)) >= 5, "too few labelled ticks on the log axes: %s" % labels)
    check(w < 2200 and h < 1100, "size %dx%d" % (w, h))


def main():
    a = arguments(("figure", CASES))
    env = Env(a)
    try:
        globals()["case_" + a.figure.replace("-", "_")](env)
    except Failure as e:
        print("FAIL: %s (work folder %s)" % (e, env.work))
        return 1
    print("ok: %s from real output" % a.figure)
    shutil.rmtree(env.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
