"""retrotcp results as typed pandas DataFrames.

    import sys; sys.path.insert(0, "scripts/lib")
    from retrotcp_api import load_run, load_sweep

    run = load_run("results/lanman-relogon-error")
    run.connections      # one row per connect(): conn_id int, times float s, ...
    run.events           # one row per event, detail pairs as columns
    run.commands         # LAN Manager commands (None without workstations)
    run.summary          # summary.json as a dict; run.scenario: scenario.json
    sweep = load_sweep("results/sweeps/lanman-relogon-error")   # aggregate.csv, typed

The column types are those of docs/results-format.md: conn_id is the nullable
integer Int64 in every table (so that they join), times and durations float
seconds, counts integers, words categorical. See docs/user-guide.md ("Load results in pandas").
"""

import json
import os
import re
from collections import namedtuple

import pandas as pd

import retrotcp_results as rr

Run = namedtuple("Run", "folder summary scenario connections events commands")

_CONNECTION_TYPES = {
    "conn_id": "Int64", "host": "category", "profile": "category", "local_port": "int64",
    "remote_host": "category", "remote_address": "category", "remote_port": "int64",
    "start_s": "float64", "end_s": "float64", "closed_s": "float64", "outcome": "category",
    "error_code": "int64", "errno": "category", "syns_sent": "int64", "rsts_received": "int64", "bytes_sent": "int64",
    "bytes_received": "int64", "close": "category",
}
_COMMAND_TYPES = {
    "host": "category", "seq": "int64", "source": "category", "command": "string", "start_s": "float64",
    "end_s": "float64", "duration_s": "float64", "result": "category", "conn_id": "Int64", "detail": "string",
}
# Detail keys whose values are numbers; every other key is text.
_DETAIL_INTEGERS = {"in_use", "capacity", "retry", "iss", "irs", "syns", "seq", "port", "remote_port"}
_DETAIL_SECONDS = {"waited", "duration", "after"}


def _csv(path, types):
    """A CSV read as text, then each known column converted (unknown columns kept as text)."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col, t in types.items():
        if col not in df.columns:
            continue
        if t in ("float64", "int64", "Int64"):
            num = pd.to_numeric(df[col].replace("", None))
            df[col] = num.astype("Int64") if t == "Int64" else num.astype(t) if t == "int64" else num.astype(float)
        else:
            df[col] = df[col].astype(t)
    return df


def _events(path):
    df = _csv(path, {"time_s": "float64", "host": "category", "conn_id": "Int64", "event": "category",
                     "detail": "string"})
    pairs = [rr.parse_detail(d) for d in df["detail"].fillna("")]
    keys = sorted({k for p in pairs for k in p})
    for k in keys:
        col = k if k not in df.columns else "detail_" + k
        values = pd.Series([p.get(k) for p in pairs], index=df.index, dtype="object")
        if k in _DETAIL_INTEGERS:
            df[col] = pd.to_numeric(values).astype("Int64")
        elif k in _DETAIL_SECONDS:
            df[col] = pd.to_numeric(values).astype(float)
        else:
            df[col] = values.astype("string")
    return df


def load_run(folder):
    """A result folder of `retrotcp run` as a Run: summary and scenario (dicts from
    summary.json and scenario.json) and the DataFrames connections, events (None
    with --no-events) and commands (None without LAN Manager workstations)."""
    summary_path = os.path.join(folder, "summary.json")
    if not os.path.isfile(summary_path):
        raise FileNotFoundError("%s: no summary.json (not the folder of a completed run)" % folder)
    summary = rr.read_json(summary_path)
    scenario_path = os.path.join(folder, "scenario.json")
    scenario = rr.read_json(scenario_path) if os.path.isfile(scenario_path) else None
    conns = _csv(os.path.join(folder, "connections.csv"), _CONNECTION_TYPES)
    events_path = os.path.join(folder, "events.csv")
    events = _events(events_path) if os.path.isfile(events_path) else None
    commands_path = os.path.join(folder, "commands.csv")
    commands = _csv(commands_path, _COMMAND_TYPES) if os.path.isfile(commands_path) else None
    return Run(folder, summary, scenario, conns, events, commands)


def _typed_grid(series):
    """A grid column as the scenario reads it: integers, floats or booleans when every
    value is one, else text."""
    vals = [json.loads(v) if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?|true|false", v) else v for v in series]
    if all(isinstance(v, bool) for v in vals):
        return pd.Series(vals, index=series.index, dtype="bool")
    if all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return pd.Series(vals, index=series.index, dtype="int64")
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
        return pd.Series(vals, index=series.index, dtype="float64")
    return series.astype("string")


def load_sweep(folder):
    """A sweep folder's aggregate.csv as one tidy DataFrame, one row per run: grid
    parameters typed (numbers as numbers; durations and rates also as PATH_s and
    PATH_bps floats), counts as nullable integers, times and rates as floats,
    status and outcome words categorical. df.attrs["grid"] lists the grid PATHs."""
    manifest = rr.read_json(os.path.join(folder, "manifest.json"))
    grid = [g["path"] for g in manifest.get("grid", [])]
    df = pd.read_csv(os.path.join(folder, "aggregate.csv"), dtype=str, keep_default_na=False)
    for col in df.columns:
        if col in grid:
            df[col] = _typed_grid(df[col])
        elif col in ("point_id", "error", "scenario_sha256", "program_id", "stale"):
            df[col] = df[col].astype("string")
        elif col == "status":
            df[col] = df[col].astype("category")
        else:
            num = pd.to_numeric(df[col].replace("", None))
            integral = num.dropna().apply(float.is_integer).all() if num.dtype.kind == "f" else True
            counts = not (col.endswith("_s") or col.endswith("_bps") or col.endswith("_rate")
                          or col.endswith("_mean") or "_mean_" in col)
            df[col] = num.astype("Int64") if (integral and counts) else num.astype(float)
    df.attrs["grid"] = grid
    return df
