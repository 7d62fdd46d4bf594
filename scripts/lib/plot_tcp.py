"""The TCP figures of scripts/plot: retry-times, syn-timeline, bench-scaling."""

import retrotcp_results as rr
from plot_common import (COLORS, FAIL_COLOR, InputError, NothingToPlot, label_for, natural_key, need, note, numeric,
                         read, save, title, unit_of)

import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter


def retry_points_from_connections(rows, path, label):
    need(rows, path, ["syns_sent", "outcome", "start_s", "end_s"])
    pts = []  # (profile, outcome, retries, seconds)
    for r in rows:
        if r["outcome"] not in ("refused", "timed_out"):
            continue
        start, end, syns = rr.to_float(r["start_s"]), rr.to_float(r["end_s"]), rr.to_float(r["syns_sent"])
        if start is None or end is None or syns is None:
            continue
        pts.append((r.get("profile") or label, r["outcome"], syns - 1, end - start))
    return pts


def retry_points_from_aggregate(rows, path, label, a, skipped):
    if not a.x:
        raise InputError("%s: a sweep aggregate needs --x COLUMN (the retry-count grid column)" % path)
    need(rows, path, [a.x] + ([a.profile_column] if a.profile_column else []))
    pts = []
    for r in rows:
        if r.get("status", "ok") != "ok":
            continue
        x = numeric(r[a.x])
        if x is None:
            skipped.add(r[a.x])
            continue
        prof = r[a.profile_column] if a.profile_column else label
        for outcome in ("refused", "timed_out"):
            y = rr.to_float(r.get("time_to_%s_%s_s" % (outcome, a.stat)))
            if y is not None:
                pts.append((prof, outcome, x, y))
    return pts


def fig_retry_times(a):
    pts, skipped, xvals = [], set(), []
    for i, path in enumerate(a.inputs):
        rows = read(path)
        label = label_for(a, i, path)
        if rows and "conn_id" in rows[0]:
            pts += retry_points_from_connections(rows, path, label)
        else:
            pts += retry_points_from_aggregate(rows, path, label, a, skipped)
            xvals += [r[a.x] for r in rows]
    if skipped:
        raise InputError("--x %s: values that are not numbers, durations or data rates: %s"
                         % (a.x, ", ".join(sorted(skipped))))
    if not pts:
        raise NothingToPlot("no refused or timed_out connection in the inputs")
    fig, ax = plt.subplots(figsize=(a.width or 5.5, a.height or 3.6))
    profiles = sorted({p[0] for p in pts})
    styles = {"refused": ("o", "-", "refused (RST|ACK received)"), "timed_out": ("s", "--", "timed out (no answer)")}
    unit = unit_of(xvals)
    # Profiles with the same values would hide each other: each is moved sideways a
    # little (a fraction of the smallest x step; on log axes a factor).
    xs_all = sorted({p[2] for p in pts})
    steps = [b - c for b, c in zip(xs_all[1:], xs_all)]
    width = 0.06 * (min(steps) if steps else 1.0)

    def dodge(x, ci):
        k = ci - (len(profiles) - 1) / 2.0
        return x * (1.04 ** k) if unit == "bit/s" else x + k * width

    for ci, prof in enumerate(profiles):
        color = COLORS[ci % len(COLORS)]
        for outcome, (marker, ls, _) in styles.items():
            by_x = {}
            for p in pts:
                if p[0] == prof and p[1] == outcome:
                    by_x.setdefault(p[2], []).append(p[3])
            if not by_x:
                continue
            xs = sorted(by_x)
            mean = [sum(by_x[x]) / len(by_x[x]) for x in xs]
            lo = [m - min(by_x[x]) for m, x in zip(mean, xs)]
            hi = [max(by_x[x]) - m for m, x in zip(mean, xs)]
            shown = [dodge(x, ci) for x in xs] if len(profiles) > 1 else xs
            ax.errorbar(shown, mean, yerr=[lo, hi] if any(lo) or any(hi) else None, color=color, marker=marker,
                        linestyle=ls, markersize=4.5, capsize=2.5)
            if a.annotate:
                for x, m in zip(shown, mean):
                    ax.annotate("%.4g" % m, (x, m), textcoords="offset points", xytext=(4, 4), fontsize=7, color=color)
    default_x = "SYN retransmissions (retry count)" if not a.x else a.x + (" (%s)" % unit if unit else "")
    ax.set_xlabel(a.xlabel or default_x)
    ax.set_ylabel(a.ylabel or "time to connect() failure (s)")
    if not unit:
        ax.xaxis.get_major_locator().set_params(integer=True)
    if unit == "bit/s":
        ax.set_xscale("log")
    if a.logy:
        ax.set_yscale("log")
    else:
        ax.set_ylim(bottom=0)
    handles = [Line2D([], [], color=COLORS[i % len(COLORS)], lw=2, label=p) for i, p in enumerate(profiles)]
    handles += [Line2D([], [], color="0.3", marker=m, linestyle=ls, label=t) for m, ls, t in styles.values()]
    ax.legend(handles=handles, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    title(ax, a, "Time to connect() failure against " +
          ("retry count" if not a.x or not unit else a.x.split(".")[-1]))
    save(fig, a)


def _connections_from_events(inputs):
    conns = {}  # conn_id -> {"host", "start", "syn": [], "rst": [], "ok": t, "fail": (t, outcome)}
    for path in inputs:
        rows = read(path)
        need(rows, path, ["time_s", "host", "conn_id", "event"])
        for r in rows:
            cid = (r.get("conn_id") or "").strip()
            t = rr.to_float(r["time_s"])
            ev = (r.get("event") or "").strip()
            if not cid or t is None:
                continue
            c = conns.setdefault(cid, {"host": None, "start": None, "syn": [], "rst": [], "ok": None, "fail": None})
            if ev == "connect_start":
                c["start"] = t
                c["host"] = r["host"]
            elif ev in ("syn_sent", "syn_retransmit"):
                c["syn"].append(t)
                c["host"] = c["host"] or r["host"]
            elif ev == "rst_received" and (c["host"] is None or r["host"] == c["host"]):
                c["rst"].append(t)
            elif ev == "connected":
                c["ok"] = t
            elif ev == "connect_failed":
                try:
                    outcome = rr.parse_detail(r.get("detail")).get("outcome", "failed")
                except ValueError:
                    outcome = r.get("detail") or "failed"
                c["fail"] = (t, outcome)
    return conns


def fig_syn_timeline(a):
    conns = _connections_from_events(a.inputs)
    ids = [k for k, c in conns.items() if c["syn"]]
    if a.conns:
        ids = [k for k in a.conns.split(",") if k in conns]
    elif a.only_retrying:
        ids = [k for k in ids if len(conns[k]["syn"]) > 1 or conns[k]["fail"]]
    ids = sorted(ids, key=natural_key)
    if len(ids) > a.max_conns:
        note("syn-timeline: the first %d of %d connections (--max-conns, --conns, --only-retrying)"
             % (a.max_conns, len(ids)))
        ids = ids[: a.max_conns]
    if not ids:
        raise NothingToPlot("no connection with SYN events in the inputs")
    n = len(ids)
    # Rows get thinner as they get more numerous: the figure stays within a screen.
    row = max(0.14, min(0.32, 6.0 / n))
    marks = max(0.55, min(1.0, row / 0.32))
    fig, ax = plt.subplots(figsize=(a.width or 6.5, a.height or max(1.8, row * n + 1.3)))

    def span(c):
        t0 = (c["start"] if c["start"] is not None else min(c["syn"])) if a.relative else 0.0
        end = c["ok"] if c["ok"] is not None else (c["fail"][0] if c["fail"] else max(c["syn"] + c["rst"]))
        return t0, end

    xmax = max(span(conns[k])[1] - span(conns[k])[0] for k in ids) or 1.0
    for y, cid in enumerate(ids):
        c = conns[cid]
        t0, end = span(c)
        ax.plot([min(c["syn"]) - t0, end - t0], [y, y], color="0.75", linewidth=0.9, zorder=1)
        ax.plot([t - t0 for t in c["syn"]], [y] * len(c["syn"]), linestyle="none", marker="|",
                markersize=11 * marks, mew=1.6, color=COLORS[0], zorder=3)
        if c["rst"]:  # above the SYN marks: a RST follows its SYN within milliseconds
            ax.plot([t - t0 for t in c["rst"]], [y] * len(c["rst"]), linestyle="none", marker="x",
                    markersize=6 * marks, mew=1.4, color=COLORS[1], zorder=5)
        if c["ok"] is not None:
            ax.plot([c["ok"] - t0], [y], linestyle="none", marker="o", markersize=5 * marks, color=COLORS[2], zorder=4)
        if c["fail"]:
            ax.plot([c["fail"][0] - t0], [y], linestyle="none", marker="s", markersize=5 * marks, color=FAIL_COLOR,
                    zorder=6)
            if a.annotate:  # left of the mark, or right of it near the axis
                x = c["fail"][0] - t0
                right = x - (0 if a.relative else min(span(conns[k])[0] for k in ids)) < 0.3 * xmax
                ax.annotate("%s at %.4g s" % (c["fail"][1], x), (x, y), textcoords="offset points",
                            xytext=(6 if right else -4, 4), ha="left" if right else "right", fontsize=7,
                            color=FAIL_COLOR)
    ax.set_yticks(range(n), labels=["%s (%s)" % (k, conns[k]["host"] or "?") for k in ids],
                  fontsize=8 if n <= 20 else 6.5)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_ylabel(a.ylabel or "connect() attempt (conn_id, host)")
    ax.set_xlabel(a.xlabel or ("time since connect() (s)" if a.relative else "simulated time (s)"))
    ax.set_xlim(left=0 if a.relative else None)
    ax.grid(axis="y", visible=False)
    handles = [Line2D([], [], linestyle="none", marker="|", markersize=9, mew=1.8, color=COLORS[0], label="SYN sent"),
               Line2D([], [], linestyle="none", marker="x", mew=1.3, color=COLORS[1], label="RST received"),
               Line2D([], [], linestyle="none", marker="o", color=COLORS[2], label="connected"),
               Line2D([], [], linestyle="none", marker="s", color=FAIL_COLOR, label="connect() failed")]
    ax.legend(handles=handles, frameon=False, ncol=4, loc="lower left", bbox_to_anchor=(0, 1.0))
    title(ax, a, "SYN timeline per connect()", pad=22)
    save(fig, a)


def _plain(value, _pos=None):
    """200, 5k, 10k, 1.5M: a log axis's label as a plain number."""
    for scale, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= scale:
            return ("%g" % (value / scale)) + suffix
    return "%g" % value


def _log_axis(axis):
    """Log axis labelled at 1, 2 and 5 of every decade, as plain numbers."""
    axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    axis.set_major_formatter(FuncFormatter(_plain))
    axis.set_minor_locator(LogLocator(base=10, subs=(3.0, 4.0, 6.0, 7.0, 8.0, 9.0)))
    axis.set_minor_formatter(NullFormatter())


def fig_bench_scaling(a):
    # Colour: stack and network. Marker: number of clients; a line joins the sizes
    # with the same clients, so each line is one population growing.
    series = {}
    idle = {}
    for path in a.inputs:
        rows = read(path)
        need(rows, path, ["stack", "network", "clients", "connections_per_client", "connections",
                          "connections_per_wall_s", "heap_bytes_per_connection"])
        for r in rows:
            n, rate, mem, clients = (rr.to_float(r[c]) for c in (
                "connections", "connections_per_wall_s", "heap_bytes_per_connection", "clients"))
            if None in (n, rate, mem, clients) or n <= 0:
                continue
            key = "%s stack, %s" % (r["stack"], r["network"])
            label = "%s x %s" % (r["clients"], r["connections_per_client"])
            ratio = rr.to_float(r.get("speed_ratio_to_stock", ""))
            if ratio is not None and r["stack"] != "stock":
                label += " (%.1fx stock)" % ratio
            series.setdefault(key, {}).setdefault(int(clients), []).append((n, rate, mem, label))
        for r in rows:
            # Idle-host rows (bench --idle-hosts): the cost of a host that runs nothing.
            hosts, ms, per_host = (rr.to_float(r.get(c, "")) for c in (
                "idle_hosts", "build_ms_per_host", "heap_bytes_per_host"))
            if None not in (hosts, ms, per_host) and hosts > 0 and rr.to_float(r["connections"]) == 0:
                idle.setdefault("%s stack, %s" % (r["stack"], r["network"]), []).append((hosts, ms, per_host))
    if not series and not idle:
        raise NothingToPlot("no benchmark rows in the inputs")
    markers = "osD^vP*X"
    all_clients = sorted({c for groups in series.values() for c in groups})
    marker_of = {c: markers[i % len(markers)] for i, c in enumerate(all_clients)}
    if idle:
        fig, (left, right, hosts_ax) = plt.subplots(1, 3, figsize=(a.width or 10.5, a.height or 3.6))
    else:
        fig, (left, right) = plt.subplots(1, 2, figsize=(a.width or 9.0, a.height or 3.8))
    for i, key in enumerate(sorted(series)):
        color = COLORS[i % len(COLORS)]
        for clients, pts in sorted(series[key].items()):
            pts.sort()
            style = dict(color=color, marker=marker_of[clients], linestyle="-", markersize=5)
            left.plot([p[0] for p in pts], [p[1] for p in pts], **style)
            right.plot([p[0] for p in pts], [p[2] for p in pts], **style)
            if a.annotate:
                for p in pts:
                    left.annotate(p[3], (p[0], p[1]), textcoords="offset points", xytext=(4, 2), fontsize=6,
                                  color=color)
    ref = dict(color="0.45", linestyle=":", linewidth=1.0)
    left.axhline(10000, **ref)
    right.axhline(2048, **ref)
    for ax in (left, right):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel(a.xlabel or "connections held in TIME-WAIT at the end")
        ax.margins(x=0.08, y=0.12)
    for ax in (left, right):
        _log_axis(ax.xaxis)
        _log_axis(ax.yaxis)
    if idle:
        keys = sorted(series)
        for key, pts in sorted(idle.items()):
            pts.sort()
            color = COLORS[keys.index(key) % len(COLORS)] if key in series else "0.3"
            hosts_ax.plot([p[0] for p in pts], [p[2] for p in pts], color=color, marker="o",
                          linestyle="-", markersize=5)
            if a.annotate:
                for p in pts:
                    hosts_ax.annotate("%.3f ms" % p[1], (p[0], p[2]), textcoords="offset points",
                                      xytext=(4, 2), fontsize=6, color=color)
        hosts_ax.set_xscale("log")
        hosts_ax.set_xlabel("idle hosts (bench --idle-hosts)")
        hosts_ax.set_ylabel("heap B per idle host (labels: build ms)")
        hosts_ax.axhline(6000, **ref)
        hosts_ax.margins(x=0.08, y=0.15)
        _log_axis(hosts_ax.xaxis)
    left.set_ylabel(a.ylabel or "connections per wall-clock second")
    right.set_ylabel("heap bytes per connection (B/conn)")
    handles = [Line2D([], [], color=COLORS[i % len(COLORS)], label=key) for i, key in enumerate(sorted(series))]
    handles += [Line2D([], [], color="0.3", marker=marker_of[c], linestyle="", label="%d clients" % c)
                for c in all_clients]
    handles += [Line2D([], [], label="reference: 10,000 conn/s (left), 2 KiB per connection (right)"
                       + (", 6 kB per idle host" if idle else ""), **ref)]
    handles += [Line2D([], [], color="0.3", marker="o", label=key + " (idle hosts)")
                for key in sorted(idle) if key not in series]
    fig.legend(handles=handles, frameon=False, loc="lower center", ncol=min(4, len(handles)), fontsize=7,
               bbox_to_anchor=(0.5, -0.02))
    title(fig, a, "TIME-WAIT storm: speed and memory as the population grows")
    fig.tight_layout(rect=(0, 0.06 + 0.035 * ((len(handles) - 1) // 4), 1, 1))
    save(fig, a)
