"""Readers and small statistics for retrotcp result files (shared by scripts/sweep,
scripts/plot and scripts/validation-report). Standard library only, so that the
sweep does not need pandas.

The formats are those of docs/results-format.md: events.csv, connections.csv,
commands.csv (LAN Manager model), summary.json. For pandas DataFrames see
retrotcp_api (load_run, load_sweep).
"""

import csv
import json
import math
import os
import re

# The outcome words of connections.csv (docs/results-format.md), always present
# as columns of a sweep aggregate so that its columns do not depend on the results.
OUTCOMES = ["established", "refused", "timed_out", "no_tcb", "no_port", "reset", "aborted",
            "unreachable", "failed", "pending"]


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


# events.csv detail grammar (docs/results-format.md): space-separated KEY=VALUE,
# KEY [a-z][a-z0-9_]*, VALUE bare (no space or ") or "quoted" with \" and \\.
_PAIR = re.compile(r'([a-z][a-z0-9_]*)=("(?:[^"\\]|\\.)*"|[^ "]+)(?: |$)')


def parse_detail(detail):
    """The KEY=VALUE pairs of an events.csv `detail` cell, as a dict of strings
    (quoted values unquoted). Raises ValueError on a cell outside the grammar."""
    out = {}
    if not detail:
        return out
    text = str(detail)
    pos = 0
    while pos < len(text):
        m = _PAIR.match(text, pos)
        if not m:
            raise ValueError("detail %r: not KEY=VALUE pairs at character %d" % (text, pos))
        value = m.group(2)
        if value.startswith('"'):
            value = re.sub(r'\\(.)', r'\1', value[1:-1])
        out[m.group(1)] = value
        pos = m.end()
    return out


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


# LAN Manager command results and kinds (summary.json "lanman_commands").
COMMAND_RESULTS = ["ok", "dos_error_53", "bad_username_or_password", "dos_error_69", "dos_error_85",
                   "net_error_2250", "already_logged_on", "not_logged_on", "pending"]
COMMAND_KINDS = ["net logon", "net logoff", "net use", "net use /d", "wait"]


def kind_slug(kind):
    """ "net use /d" -> "net_use_d" (a column-name part)."""
    return re.sub(r"[^a-z0-9]+", "_", kind.lower()).strip("_")


def lanman_metric_columns(groups=()):
    """aggregate.csv columns of the LAN Manager command outcomes (summary_metrics)."""
    cols = ["commands"] + ["command_%s" % w for w in COMMAND_RESULTS]
    cols += ["command_%s_%s" % (kind_slug(k), w) for k in COMMAND_KINDS for w in COMMAND_RESULTS]
    cols += ["relogon_commands", "relogon_failed", "relogon_pending", "relogon_failure_rate"]
    for g in groups:
        cols += ["relogon_%s_%s" % (g, f) for f in ("commands", "failed", "pending", "failure_rate")]
    return cols


def summary_metrics(summary_json):
    """Metrics of one run from its summary.json (aggregate.csv's columns)."""
    s = read_json(summary_json)
    out = {"connections": s.get("connections")}
    for w, n in sorted(s.get("outcomes", {}).items()):
        out["outcome_" + w] = n
    for k in ("simulated_time_s", "wall_time_s", "events", "events_executed", "hosts"):
        out[k] = s.get(k)
    for k in ("scenario_sha256", "run"):
        out[k] = s.get(k)
    out["program_id"] = (s.get("provenance") or {}).get("program_id")
    c = s.get("lanman_commands")
    if c:
        out["commands"] = c.get("commands")
        for w, n in c.get("results", {}).items():
            out["command_" + w] = n
        for kind, words in c.get("by_kind", {}).items():
            for w, n in words.items():
                out["command_%s_%s" % (kind_slug(kind), w)] = n
        groups = [("", c.get("relogon") or {})] + [(g + "_", v) for g, v in (c.get("relogon_by_group") or {}).items()]
        for prefix, v in groups:
            for f in ("commands", "failed", "pending", "failure_rate"):
                out["relogon_%s%s" % (prefix, f)] = v.get(f)
    return out


def relogon_groups(summary_json):
    """The host groups of summary.json's re-logon counts."""
    c = read_json(summary_json).get("lanman_commands") or {}
    return sorted((c.get("relogon_by_group") or {}).keys())


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
