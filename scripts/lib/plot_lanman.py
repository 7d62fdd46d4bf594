"""The LAN Manager figures of scripts/plot: blocks-timeline, relogon-heatmap, logon-cdf."""

import retrotcp_results as rr
from plot_common import (COLORS, FAIL_COLOR, InputError, NothingToPlot, natural_key, need, note, numeric, read,
                         save, scenario_next_to, title, label_for, unit_of)

import matplotlib.pyplot as plt

BLOCK_EVENTS = ("block_taken", "block_freed", "time_wait_enter", "time_wait_exit", "pool_exhausted")


def pool_sizes(scenario):
    """{host: connection blocks} from a resolved scenario.json: TCPCONNECTIONS of LAN
    Manager stacks, ConnectionBlocks of the others; 0 (no fixed pool) and stock
    stacks are left out."""
    out = {}
    for h in scenario.get("hosts", []):
        params = (h.get("stack") or {}).get("parameters") or {}
        size = params.get("TCPCONNECTIONS", params.get("ConnectionBlocks"))
        if not isinstance(size, int) or size <= 0:
            continue
        n = h.get("count", 1)
        for i in range(n):
            out[h["name"] if n == 1 else "%s-%d" % (h["name"], i + 1)] = size
    return out


def _host_series(evs, cap):
    in_use = tw = 0
    ts, use, tws, exhausted = [0.0], [0], [0], []
    for t, ev, d in sorted(evs, key=lambda e: e[0]):
        if ev == "block_taken":
            in_use += 1
        elif ev == "block_freed":
            in_use = max(0, in_use - 1)
        elif ev == "time_wait_enter":
            tw += 1
        elif ev == "time_wait_exit":
            tw = max(0, tw - 1)
        elif ev == "pool_exhausted":
            exhausted.append(t)
        if ev in ("block_taken", "block_freed") and rr.to_float(d.get("in_use")) is not None:
            in_use = int(rr.to_float(d["in_use"]))  # the model's own count wins
        ts.append(t)
        use.append(in_use)
        tws.append(tw)
    return ts, use, tws, exhausted


def fig_blocks_timeline(a):
    hosts = {}  # host -> [(time, event, detail)]
    caps = {}
    for path in a.inputs:
        rows = read(path)
        need(rows, path, ["time_s", "host", "event"])
        scenario = scenario_next_to(path)
        if scenario:
            caps.update(pool_sizes(scenario))
        for r in rows:
            ev = (r.get("event") or "").strip().lower()
            t = rr.to_float(r["time_s"])
            if ev in BLOCK_EVENTS and t is not None:
                try:
                    d = rr.parse_detail(r.get("detail"))
                except ValueError:
                    d = {}
                hosts.setdefault(r["host"], []).append((t, ev, d))
                if "capacity" in d and rr.to_float(d["capacity"]) and r["host"] not in caps and not scenario:
                    caps[r["host"]] = int(rr.to_float(d["capacity"]))
    if a.pool_size is not None:
        caps = {h: a.pool_size for h in hosts}
    if not any(hosts.values()):
        raise NothingToPlot("no block_taken/block_freed/time_wait_*/pool_exhausted events in the inputs")
    if a.hosts:
        names = a.hosts.split(",")
        unknown = [h for h in names if h not in hosts]
        if unknown:
            raise InputError("--hosts: no block events for %s (hosts with a pool: %s)"
                             % (", ".join(unknown), ", ".join(sorted(caps, key=natural_key)) or "none"))
    else:
        # Hosts with a pool; those whose pool ran out first, then the fullest.
        pooled = [h for h in hosts if h in caps]
        if not pooled:
            raise NothingToPlot("no host with a pool of connection blocks (scenario.json next to the input, "
                                "capacity= in the events, or --pool-size)")

        def rank(h):
            ex = [t for t, ev, _ in hosts[h] if ev == "pool_exhausted"]
            peak = max(_host_series(hosts[h], caps[h])[1]) / caps[h]
            return (min(ex) if ex else float("inf"), -peak, natural_key(h))

        names = sorted(pooled, key=rank)[: a.max_hosts]
        left = len(pooled) - len(names)
        note("blocks-timeline: %s (pools that ran out first%s)" % (", ".join(names),
             ", %d more hosts with a pool not shown (--max-hosts, --hosts)" % left if left else ""))
    end = a.until or max(t for evs in hosts.values() for t, _, _ in evs) * 1.02 + 1e-9
    fig, axes = plt.subplots(len(names), 1, sharex=True, squeeze=False,
                             figsize=(a.width or 6.5, a.height or max(2.2, 1.1 * len(names) + 0.9)))
    for ax, host in zip(axes[:, 0], names):
        cap = caps.get(host)
        ts, use, tws, exhausted = _host_series(hosts.get(host, []), cap)
        ts.append(end)
        use.append(use[-1])
        tws.append(tws[-1])
        ax.fill_between(ts, 0, tws, step="post", color=COLORS[4], alpha=0.45, linewidth=0, label="in TIME-WAIT")
        ax.step(ts, use, where="post", color=COLORS[0], label="blocks in use")
        if cap is not None:
            ax.axhline(cap, color=COLORS[1], linestyle="--", linewidth=1.1, label="pool size")
            ax.annotate("%g" % cap, (1.0, cap), xycoords=("axes fraction", "data"), xytext=(3, 0),
                        textcoords="offset points", va="center", fontsize=7, color=COLORS[1])
        if exhausted:
            ax.plot(exhausted, [cap if cap is not None else max(use)] * len(exhausted), linestyle="none",
                    marker="x", color=FAIL_COLOR, markersize=6, mew=1.5, label="pool exhausted", zorder=5)
        ax.set_ylim(0, max(use + [cap or 0]) + 1.5)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylabel(host, rotation=0, ha="right", va="center")
        ax.set_xlim(0 if a.since is None else a.since, end)
    handles, labels = [], []
    for ax in axes[:, 0]:
        for h, lab in zip(*ax.get_legend_handles_labels()):
            if lab not in labels:
                handles.append(h)
                labels.append(lab)
    axes[0, 0].legend(handles, labels, frameon=False, ncol=min(4, len(labels)), loc="lower left",
                      bbox_to_anchor=(0, 1.02))
    axes[-1, 0].set_xlabel(a.xlabel or "simulated time (s)")
    fig.supylabel(a.ylabel or "connection blocks", fontsize=9)
    title(fig, a, "Connection blocks in use per host", fontsize=10)
    fig.tight_layout()
    save(fig, a)


def _sorted_values(vals):
    return sorted(vals, key=lambda v: (numeric(v) is None, numeric(v) or 0, v))


def fig_relogon_heatmap(a):
    if not (a.x and a.y):
        raise InputError("relogon-heatmap needs --x COLUMN and --y COLUMN")
    if a.rate:
        metric, label = a.rate, a.rate
    elif a.failures:
        metric, label = None, "(%s) / %s" % (" + ".join(a.failures.split("+")), a.total)
    else:
        metric = "relogon_%s_failure_rate" % a.group if a.group else "relogon_failure_rate"
        label = "re-logon failure rate%s" % (" of " + a.group if a.group else "")
    cells = {}
    for path in a.inputs:
        rows = read(path)
        need(rows, path, [a.x, a.y])
        if metric and rows and metric not in rows[0]:
            groups = sorted(c[len("relogon_"):-len("_failure_rate")] for c in rows[0]
                            if c.startswith("relogon_") and c.endswith("_failure_rate") and c != "relogon_failure_rate")
            raise InputError("%s: no column %s (%s)" % (path, metric, "host groups: %s (--group)" % ", ".join(groups)
                             if groups else "no re-logon columns: is it the aggregate of a LAN Manager sweep?"))
        fail_cols = a.failures.split("+") if a.failures else []
        need(rows, path, fail_cols + ([a.total] if fail_cols else []))
        for r in rows:
            if r.get("status", "ok") != "ok":
                continue
            if metric:
                v = rr.to_float(r[metric])
            else:
                tot = rr.to_float(r[a.total])
                v = sum(rr.to_float(r[c]) or 0 for c in fail_cols) / tot if tot else None
            if v is not None:
                cells.setdefault((r[a.x], r[a.y]), []).append(v)
    if not cells:
        raise NothingToPlot("no completed run with a value of %s in the inputs" % (metric or label))
    xs = _sorted_values({k[0] for k in cells})
    ys = _sorted_values({k[1] for k in cells})
    scale = 100.0 if a.percent else 1.0
    grid = [[(sum(cells[(x, y)]) / len(cells[(x, y)]) * scale) if (x, y) in cells else float("nan") for x in xs]
            for y in ys]
    n_runs = max(len(v) for v in cells.values())
    fig, ax = plt.subplots(figsize=(a.width or max(3.6, 0.62 * len(xs) + 2.2),
                                    a.height or max(2.8, 0.45 * len(ys) + 1.6)))
    im = ax.imshow(grid, origin="lower", aspect="auto", cmap=a.cmap, vmin=0, vmax=None if a.autoscale else scale,
                   interpolation="nearest")
    ax.set_xticks(range(len(xs)), labels=xs)
    ax.set_yticks(range(len(ys)), labels=ys)
    ax.grid(False)
    for s in ax.spines.values():
        s.set_visible(False)
    for j, row in enumerate(grid):
        for i, v in enumerate(row):
            if v == v:
                ax.text(i, j, ("%.0f" if a.percent else "%.2f") % v, ha="center", va="center", fontsize=7,
                        color="white" if im.norm(v) > 0.6 else "black")
    cb = fig.colorbar(im, ax=ax, fraction=0.05, pad=0.03)
    cb.set_label(label + (" (%)" if a.percent else ""))
    cb.outline.set_visible(False)
    ax.set_xlabel(a.xlabel or a.x)
    ax.set_ylabel(a.ylabel or a.y)
    default = "Re-logon failure rate" if not metric or metric.startswith("relogon_") else metric
    if n_runs > 1:
        default += " (mean of %d runs)" % n_runs
    title(ax, a, default)
    if metric and metric.startswith("relogon_"):
        note("relogon-heatmap: %s = failed net commands of the re-logons and their logon scripts over all of them"
             % metric)
    save(fig, a)


def fig_logon_cdf(a):
    fig, ax = plt.subplots(figsize=(a.width or 5.5, a.height or 3.6))
    plotted = 0
    for i, path in enumerate(a.inputs):
        rows = read(path)
        need(rows, path, ["command", "start_s", "end_s"])
        label = label_for(a, i, path)
        groups = {}
        failed = 0
        total = 0
        for r in rows:
            if not r["command"].strip().lower().startswith(a.command_prefix.lower()):
                continue
            total += 1
            s, e = rr.to_float(r["start_s"]), rr.to_float(r["end_s"])
            res = (r.get("result") or "").strip()
            if s is None or e is None:
                failed += 1
                continue
            groups.setdefault(res if a.by_result else None, []).append(e - s)
        for key, vals in sorted(groups.items(), key=lambda kv: str(kv[0])):
            vals.sort()
            n = len(vals)
            ys = [(k + 1) / (total if a.of_all else n) for k in range(n)]
            xs = vals if a.logx else [0.0] + vals
            ys = ys if a.logx else [0.0] + ys
            name = label if key is None else "%s: %s" % (label, key or "(no result)")
            name += " (n=%d%s)" % (n, ", %d unfinished" % failed if failed and key is None else "")
            ax.step(xs, ys, where="post", color=COLORS[plotted % len(COLORS)], label=name)
            plotted += 1
    if not plotted:
        raise NothingToPlot("no command starting with %r in the inputs" % a.command_prefix)
    ax.set_xlabel(a.xlabel or "logon completion time (s)")
    ax.set_ylabel(a.ylabel or ("fraction of all logons" if a.of_all else "fraction of logons completed"))
    ax.set_ylim(0, 1.02)
    if a.logx:
        ax.set_xscale("log")
    else:
        ax.set_xlim(left=0)
    ax.legend(frameon=False, loc="lower right")
    title(ax, a, "Logon completion time (CDF)")
    save(fig, a)


__all__ = ["fig_blocks_timeline", "fig_relogon_heatmap", "fig_logon_cdf", "unit_of"]
