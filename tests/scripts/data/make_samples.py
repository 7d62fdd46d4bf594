#!/usr/bin/python3
"""Writes the sample CSVs of this folder (used by test_plot.py). Made-up but plausible
numbers in the documented formats; re-run to regenerate (deterministic):
  /usr/bin/python3 tests/scripts/data/make_samples.py
syn-events.csv is instead the events.csv of scenarios/ns3-stock-basics.json (seed 1)."""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rnd = random.Random(42)


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# retry-times from a sweep aggregate over a retry-count parameter, two profiles.
PROF = "hosts.prober.stack.profile"
RETR = "hosts.prober.stack.parameters.MaxConnectRetries"
rows = []
i = 0
for prof in ("winnt40", "win95"):
    for r in range(0, 8):
        for seed in (1, 2):
            if prof == "winnt40":
                to = 3 * (2 ** (r + 1) - 1)
            else:
                to = sum(min(3 * 2 ** k, 120) for k in range(r + 1))
            refused = 0.5 * (r + 1) + rnd.uniform(0, 0.01)
            rows.append(["%03d-profile=%s_retries=%d" % (i, prof, r), seed, prof, r, 2, 1, 1,
                         "%.9f" % refused, "%.9f" % (to + rnd.uniform(0, 0.01)), "ok"])
        i += 1
write("retry-aggregate.csv", ["point_id", "seed", PROF, RETR, "connections", "outcome_refused", "outcome_timed_out",
                              "time_to_refused_mean_s", "time_to_timed_out_mean_s", "status"], rows)

# retry-times from connections.csv rows (retry count = syns_sent - 1).
hdr = ["conn_id", "host", "profile", "local_port", "remote_host", "remote_address", "remote_port", "start_s", "end_s",
       "closed_s", "outcome", "error_code", "syns_sent", "rsts_received", "bytes_sent", "bytes_received", "close"]
rows = []
cid = 0
for prof, sched in (("winnt40", [3, 6, 12, 24]), ("win95", [3, 6, 12, 24, 48, 96, 120])):
    for n in range(1, len(sched) + 1):
        cid += 1
        rows.append([cid, "c-%d" % cid, prof, 1024 + cid, "server", "10.1.0.1", 81, "10.000000000",
                     "%.9f" % (10 + sum(sched[:n])), "", "timed_out", 10060, n, 0, 0, 0, ""])
        cid += 1
        rows.append([cid, "c-%d" % cid, prof, 1024 + cid, "server", "10.1.0.1", 81, "20.000000000",
                     "%.9f" % (20 + 0.5 * n), "", "refused", 10061, n, n, 0, 0, ""])
write("retry-connections.csv", hdr, rows)

# blocks-timeline: a logon storm on three LAN Manager hosts with 7 blocks, 2xMSL = 4 s.
ev = []
for h in range(1, 4):
    host = "ws-%d" % h
    cap = 7
    in_use = 0
    pending = []  # (free time, tw enter time)
    t = 1.0 + 0.2 * h
    conn = h * 100
    for k in range(12):
        # release what has finished by t
        for fr, twe, c in sorted(pending):
            if fr <= t:
                ev.append((twe, host, c, "time_wait_enter", ""))
                ev.append((fr, host, c, "time_wait_exit", ""))
                in_use -= 1
                ev.append((fr, host, c, "block_freed", "in_use=%d capacity=%d" % (in_use, cap)))
        pending = [p for p in pending if p[0] > t]
        conn += 1
        if in_use >= cap:
            ev.append((t, host, conn, "pool_exhausted", "in_use=%d capacity=%d" % (in_use, cap)))
        else:
            in_use += 1
            ev.append((t, host, conn, "block_taken", "in_use=%d capacity=%d" % (in_use, cap)))
            hold = rnd.uniform(0.2, 1.0)
            pending.append((t + hold + 4.0, t + hold, conn))
        t += rnd.uniform(0.2, 0.6)
    for fr, twe, c in sorted(pending):
        ev.append((twe, host, c, "time_wait_enter", ""))
        ev.append((fr, host, c, "time_wait_exit", ""))
        in_use -= 1
        ev.append((fr, host, c, "block_freed", "in_use=%d capacity=%d" % (in_use, cap)))
ev.sort(key=lambda e: (e[0], e[1]))
write("storm-events.csv", ["time_s", "host", "conn_id", "event", "detail"],
      [["%.9f" % e[0], e[1], e[2], e[3], e[4]] for e in ev])

# relogon-heatmap: a sweep over TCPCONNECTIONS x MSL.
TC = "hosts.ws.stack.parameters.TCPCONNECTIONS"
MSL = "hosts.ws.stack.parameters.MSL"
rows = []
i = 0
for tc in (7, 9, 11, 13, 17):
    for msl in ("15s", "30s", "60s", "120s"):
        m = int(msl[:-1])
        for seed in (1, 2):
            total = 20
            fail = max(0, min(total, round(total * (m / 120.0) * (13 - tc) / 6.0 + rnd.uniform(-1, 1))))
            rows.append(["%03d-TCPCONNECTIONS=%d_MSL=%s" % (i, tc, msl), seed, tc, msl, total, total - fail, fail, "ok"])
        i += 1
write("relogon-aggregate.csv", ["point_id", "seed", TC, MSL, "connections", "outcome_established", "outcome_no_tcb",
                                "status"], rows)

# logon-cdf: a morning storm, 60 workstations log on from 8:00 (28800 s).
rows = []
for h in range(1, 61):
    s = 28800 + rnd.uniform(0, 600)
    d = rnd.lognormvariate(0.7, 0.6)
    if h % 17 == 0:
        rows.append(["ws-%d" % h, "net logon user%d secret /y" % h, "%.9f" % s, "%.9f" % (s + 30 + d), "error 53",
                     "DOS error 53"])
    elif h % 29 == 0:
        rows.append(["ws-%d" % h, "net logon user%d secret /y" % h, "%.9f" % s, "", "", "unfinished"])
    else:
        rows.append(["ws-%d" % h, "net logon user%d secret /y" % h, "%.9f" % s, "%.9f" % (s + d), "ok", ""])
    rows.append(["ws-%d" % h, "net use g: \\\\server\\share", "%.9f" % (s + 40), "%.9f" % (s + 40.5), "ok", ""])
write("logon-commands.csv", ["host", "command", "start_s", "end_s", "result", "detail"], rows)
