#!/usr/bin/env python3
"""`retrotcp fit` on a capture of the real Linux kernel, made here.

Two network namespaces joined by a veth pair: the server namespace listens on
one port, leaves one closed (the kernel answers RST|ACK) and drops the SYNs of
a third with nftables; the client namespace, with tcp_syn_retries lowered to 3,
connects to each while tcpdump (Ethernet, and Linux cooked SLL2 on "any") and
tshark (pcapng) capture. The fit must name `linux` and read back the kernel's
tcp_syn_retries and tcp_syn_linear_timeouts from the wire. Everything is
removed afterwards. The replay's SYNs may drift from the kernel's by the
rounding of its timer wheel (measured: 1 s timeouts fire after 1.024 s, the
4 s one after 4.19 s), up to about 120 ms by the 8th SYN. Exit 77 (skipped) with the reason where namespaces cannot
be made (not root, no ip/nft/tcpdump, no permission).
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time

SKIP = 77
TAG = "rtfit%d" % os.getpid()
CLIENT_NS, SERVER_NS = TAG + "c", TAG + "s"
CLIENT_IP, SERVER_IP = "10.250.%d.2" % (os.getpid() % 250), "10.250.%d.1" % (os.getpid() % 250)
LISTEN, CLOSED, DROPPED = 8080, 9, 7777
SYN_RETRIES = 3

CLIENT_PROGRAM = r"""
import socket, sys, threading, time
server = sys.argv[1]
listen, closed, dropped = (int(p) for p in sys.argv[2:5])
def call(port, results, key):
    s = socket.socket()
    try:
        s.connect((server, port)); results[key] = "established"
    except ConnectionRefusedError:
        results[key] = "refused"
    except (TimeoutError, OSError) as e:
        results[key] = "timed_out:%s" % e
    finally:
        s.close()
results = {}
call(listen, results, "listen-1")
time.sleep(0.3)
for i in range(3):
    call(closed, results, "closed-%d" % i)
    time.sleep(0.2)
threads = [threading.Thread(target=call, args=(dropped, results, "dropped-%d" % i)) for i in range(2)]
for t in threads:
    t.start()
    time.sleep(0.4)
for t in threads:
    t.join()
time.sleep(0.5)
call(listen, results, "listen-2")
print(results)
"""

SERVER_PROGRAM = r"""
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], int(sys.argv[2]))); s.listen(16)
print("listening", flush=True)
while True:
    c, _ = s.accept(); c.close()
"""


def run(*args, check=True, ns=None, **kw):
    cmd = (["ip", "netns", "exec", ns] if ns else []) + list(args)
    return subprocess.run(cmd, check=check, capture_output=True, text=True, **kw)


def skip(reason):
    print("SKIP: " + reason)
    sys.exit(SKIP)


def cleanup():
    for ns in (CLIENT_NS, SERVER_NS):
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)


def sysctl(ns, name):
    path = "/proc/sys/net/ipv4/" + name
    out = run("sh", "-c", "cat %s 2>/dev/null || true" % path, ns=ns).stdout.strip()
    return int(out) if out else None


def capture_and_fit(binary, work):
    for tool in ("ip", "nft", "tcpdump", "tshark"):
        if not shutil.which(tool):
            skip("%s is not installed" % tool)
    if os.geteuid() != 0:
        skip("not root: network namespaces need root")
    made = subprocess.run(["ip", "netns", "add", CLIENT_NS], capture_output=True, text=True)
    if made.returncode != 0:
        skip("cannot make a network namespace: " + made.stderr.strip())
    run("ip", "netns", "add", SERVER_NS)
    run("ip", "link", "add", "vc" + TAG[-6:], "netns", CLIENT_NS, "type", "veth",
        "peer", "name", "vs" + TAG[-6:], "netns", SERVER_NS)
    vc, vs = "vc" + TAG[-6:], "vs" + TAG[-6:]
    run("ip", "addr", "add", CLIENT_IP + "/24", "dev", vc, ns=CLIENT_NS)
    run("ip", "addr", "add", SERVER_IP + "/24", "dev", vs, ns=SERVER_NS)
    for ns, dev in ((CLIENT_NS, vc), (SERVER_NS, vs)):
        run("ip", "link", "set", "lo", "up", ns=ns)
        run("ip", "link", "set", dev, "up", ns=ns)
    run("nft", "add table inet fit", ns=SERVER_NS)
    run("nft", "add chain inet fit input { type filter hook input priority 0 ; }", ns=SERVER_NS)
    run("nft", "add rule inet fit input tcp dport %d drop" % DROPPED, ns=SERVER_NS)
    run("sysctl", "-w", "net.ipv4.tcp_syn_retries=%d" % SYN_RETRIES, ns=CLIENT_NS)
    retries = sysctl(CLIENT_NS, "tcp_syn_retries")
    linear = sysctl(CLIENT_NS, "tcp_syn_linear_timeouts")
    linear = 0 if linear is None else linear  # kernels before the sysctl: plain doubling
    print("client namespace: tcp_syn_retries=%d tcp_syn_linear_timeouts=%d" % (retries, linear))
    files = {"ethernet": os.path.join(work, "veth.pcap"),
             "sll2": os.path.join(work, "any-sll2.pcap"),
             "pcapng": os.path.join(work, "veth.pcapng")}
    server = subprocess.Popen(["ip", "netns", "exec", SERVER_NS, sys.executable, "-c",
                               SERVER_PROGRAM, SERVER_IP, str(LISTEN)],
                              stdout=subprocess.PIPE, text=True)
    captures = [
        subprocess.Popen(["ip", "netns", "exec", CLIENT_NS, "tcpdump", "-q", "-U", "-i", vc,
                          "-w", files["ethernet"], "tcp"], stderr=subprocess.DEVNULL),
        subprocess.Popen(["ip", "netns", "exec", CLIENT_NS, "tcpdump", "-q", "-U", "-i", "any",
                          "-y", "LINUX_SLL2", "-w", files["sll2"], "tcp"],
                         stderr=subprocess.DEVNULL),
        subprocess.Popen(["ip", "netns", "exec", CLIENT_NS, "tshark", "-q", "-i", vc, "-w",
                          files["pcapng"], "-f", "tcp"],
                         stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL),
    ]
    try:
        server.stdout.readline()
        time.sleep(2)  # capturers up
        client = run(sys.executable, "-c", CLIENT_PROGRAM, SERVER_IP, str(LISTEN), str(CLOSED),
                     str(DROPPED), ns=CLIENT_NS, timeout=120)
        print("client calls:", client.stdout.strip())
        time.sleep(1)
    finally:
        for p in captures:
            p.send_signal(signal.SIGINT)
        for p in captures:
            p.wait(timeout=20)
        server.kill()
        server.wait()
        cleanup()
    results = {}
    for kind, path in files.items():
        out = os.path.join(work, "fit-" + kind)
        fitted = subprocess.run([binary, "fit", path, "--client", CLIENT_IP, "--out", out],
                                capture_output=True, text=True)
        print(fitted.stdout if kind == "ethernet" else fitted.stdout.splitlines()[0])
        if fitted.returncode != 0:
            print(fitted.stderr)
            raise SystemExit("FAIL: retrotcp fit %s exited %d" % (path, fitted.returncode))
        results[kind] = json.load(open(os.path.join(out, "fit.json")))
    return results, retries, linear


def param(client, name):
    return next(p for p in client["parameters"] if p["name"] == name)


def check(results, retries, linear):
    failures = []

    def expect(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    for kind, result in results.items():
        client = result["clients"][0]
        best = client["ranking"][0]
        expect("linux" in best["profiles"], "%s: the best group %s holds linux" % (kind, best["profiles"]))
        expect(len(client["calls"]) == 7, "%s: 7 connect calls found (%d)" % (kind, len(client["calls"])))
        outcomes = [c["outcome"] for c in client["calls"]]
        expect(outcomes.count("refused") == 3 and outcomes.count("timed_out") == 2 and
               outcomes.count("established") == 2, "%s: outcomes %s" % (kind, outcomes))
        expect(param(client, "ConnectRetryPolicy").get("text") == "fail",
               "%s: the first RST|ACK fails the call" % kind)
        initial = param(client, "SynInitialTimeout")
        expect(abs(initial["value"] - 1.0) < 0.03, "%s: SynInitialTimeout %.4f s = 1 s" % (kind, initial["value"]))
        lin = param(client, "SynLinearRetries")
        expect(lin["certainty"] == "measured" and lin["value"] == linear,
               "%s: SynLinearRetries %s = tcp_syn_linear_timeouts %d" % (kind, lin.get("value"), linear))
        resends = param(client, "MaxConnectRetransmissions")
        expect(resends["certainty"] == "measured" and resends["value"] - linear == retries,
               "%s: MaxConnectRetransmissions %s - %d linear = tcp_syn_retries %d"
               % (kind, resends.get("value"), linear, retries))
        overrides = client["best"]["overrides"]
        expect(overrides.get("MaxConnectRetransmissions") == str(retries + linear),
               "%s: replay override MaxConnectRetransmissions=%s" % (kind, overrides.get("MaxConnectRetransmissions")))
        replay = result["replay"]
        expect(replay["missing_syns"] == 0 and replay["extra_syns"] == 0 and
               replay["unmatched_calls"] == 0 and replay["largest_difference_s"] < 0.15,
               "%s: replay within 150 ms (largest %.3f ms at %s)"
               % (kind, replay["largest_difference_s"] * 1000, replay["largest_difference_at"]))
    expect(results["sll2"]["capture"]["link_type"] == "Linux cooked (SLL2)", "any: SLL2 link type")
    print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    try:
        results, retries, linear = capture_and_fit(args.binary, args.work)
    finally:
        cleanup()
    sys.exit(check(results, retries, linear))


if __name__ == "__main__":
    main()
