"""Readers and small statistics for retrotcp result files (shared by scripts/sweep,
scripts/plot and scripts/validation-report). Standard library only, so that the
sweep does not need pandas.

The formats are those of docs/results-format.md: events.csv, connections.csv,
summary.json; commands.csv (LAN Manager model) has host,command,start_s,end_s,
result,detail.
"""

import csv
import json
import math
import os
import re

# The outcome words of connections.csv (docs/results-format.md), always present
# as columns of a sweep aggregate so that its columns do not depend on the results.
OUTCOMES = ["established", "refused", "timed_out", "no_tcb", "no_port", "reset", "aborted",
            "failed", "pending"]


def read_csv(path):
    """Rows of a CSV file as dicts (strings)."""
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def to_float(text):
    """A float from a CSV cell, None for an empty or non-numeric cell."""
    if text is None:
        return None
    text = str(text).strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def quantile(values, q):
    """Quantile with linear interpolation between order statistics (numpy's default)."""
    if not values:
        return None
    v = sorted(values)
    pos = (len(v) - 1) * q
    lo = math.floor(pos)
    hi = math.ceil(pos)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def stats(values):
    """mean, median, p95, max of a list (None each when it is empty)."""
    if not values:
        return {"mean": None, "median": None, "p95": None, "max": None}
    return {
        "mean": sum(values) / len(values),
        "median": quantile(values, 0.5),
        "p95": quantile(values, 0.95),
        "max": max(values),
    }


def fmt(value):
    """A value for a CSV cell: floats rounded to the nanosecond, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        r = round(value, 9)
        if r == int(r) and abs(r) < 1e15:
            return str(int(r))
        return repr(r)
    return str(value)


_KV = re.compile(r"([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*([^\s,;]+)")


def parse_detail(detail):
    """key=value pairs of an events.csv `detail` cell ("in_use=3 capacity=7",
    "in_use=3,capacity=7", "in_use: 3"), as a dict of strings."""
    if not detail:
        return {}
    return {k: v for k, v in _KV.findall(str(detail))}


def connection_metrics(connections_csv):
    """Metrics of one run from its connections.csv (see scripts/sweep, aggregate.csv)."""
    rows = read_csv(connections_csv)
    out = {}
    durations = []
    per_outcome = {}
    syns = []
    rsts = []
    for r in rows:
        start = to_float(r.get("start_s"))
        end = to_float(r.get("end_s"))
        if start is not None and end is not None:
            d = end - start
            durations.append(d)
            per_outcome.setdefault(r.get("outcome", ""), []).append(d)
        s = to_float(r.get("syns_sent"))
        if s is not None:
            syns.append(s)
        s = to_float(r.get("rsts_received"))
        if s is not None:
            rsts.append(s)
    for k, v in stats(durations).items():
        out["time_to_outcome_%s_s" % k] = v
    words = list(OUTCOMES) + sorted(w for w in per_outcome if w and w not in OUTCOMES)
    for w in words:
        for k, v in stats(per_outcome.get(w, [])).items():
            out["time_to_%s_%s_s" % (w, k)] = v
    out["syns_sent_mean"] = sum(syns) / len(syns) if syns else None
    out["syns_sent_max"] = max(syns) if syns else None
    out["rsts_received_mean"] = sum(rsts) / len(rsts) if rsts else None
    return out


def connection_metric_columns(extra_outcomes=()):
    cols = ["time_to_outcome_%s_s" % k for k in ("mean", "median", "p95", "max")]
    for w in list(OUTCOMES) + sorted(w for w in extra_outcomes if w not in OUTCOMES):
        cols += ["time_to_%s_%s_s" % (w, k) for k in ("mean", "median", "p95", "max")]
    return cols + ["syns_sent_mean", "syns_sent_max", "rsts_received_mean"]


def summary_metrics(summary_json):
    """Metrics of one run from its summary.json."""
    s = read_json(summary_json)
    out = {"connections": s.get("connections")}
    for w, n in sorted(s.get("outcomes", {}).items()):
        out["outcome_" + w] = n
    for k in ("simulated_time_s", "wall_time_s", "events", "events_executed", "hosts"):
        out[k] = s.get(k)
    return out


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
