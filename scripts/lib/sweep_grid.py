"""Grid parsing for scripts/sweep: --grid and --grid-file values, point ids, typed values.

A grid is a list of (PATH, [VALUE text, ...]); a point one value per PATH. VALUE is
the text given to `retrotcp run --set PATH=VALUE`.
"""

import itertools
import json
import re


class UsageError(Exception):
    pass


def set_value(v):
    """A grid value as the VALUE of --set PATH=VALUE."""
    if isinstance(v, str):
        return v
    return json.dumps(v, separators=(",", ":"))


def parse_values(path, text, origin):
    text = text.strip()
    if text.startswith("["):
        try:
            vals = json.loads(text)
        except ValueError as e:
            raise UsageError("%s: %s: values look like a JSON array but are not: %s" % (origin, path, e))
        if not isinstance(vals, list):
            raise UsageError("%s: %s: expected a JSON array of values" % (origin, path))
        vals = [set_value(v) for v in vals]
    else:
        vals = [v.strip() for v in text.split(",")]
    if not vals or any(v == "" for v in vals):
        raise UsageError("%s: %s: empty value in %r" % (origin, path, text))
    return vals


def parse_assignment(text, origin):
    if "=" not in text:
        raise UsageError("%s: expected PATH=v1,v2,..., found %r" % (origin, text))
    path, vals = text.split("=", 1)
    path = path.strip()
    if not re.fullmatch(r"[^\s=,]+", path):
        raise UsageError("%s: bad PATH %r" % (origin, path))
    return path, parse_values(path, vals, origin)


def read_grid_file(fname):
    """JSON ({"PATH": [v...], ...}, or {"grid": {...}}) or lines "PATH=v1,v2" (# comments)."""
    try:
        with open(fname, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise UsageError("--grid-file %s: %s" % (fname, e.strerror))
    stripped = text.lstrip()
    grid = []
    if stripped.startswith("{") or stripped.startswith("["):
        try:
            data = json.loads(text)
        except ValueError as e:
            raise UsageError("--grid-file %s: invalid JSON: %s" % (fname, e))
        if isinstance(data, dict) and "grid" in data:
            data = data["grid"]
        if isinstance(data, dict):
            items = list(data.items())
        elif isinstance(data, list):
            try:
                items = [(d["path"], d["values"]) for d in data]
            except (TypeError, KeyError):
                raise UsageError("--grid-file %s: a JSON list must hold {\"path\": ..., \"values\": [...]}" % fname)
        else:
            raise UsageError("--grid-file %s: expected a JSON object PATH -> [values]" % fname)
        for path, vals in items:
            if not isinstance(vals, list) or not vals:
                raise UsageError("--grid-file %s: %s: expected a non-empty array of values" % (fname, path))
            grid.append((path, [set_value(v) for v in vals]))
    else:
        for n, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            grid.append(parse_assignment(line, "%s:%d" % (fname, n)))
    return grid


def short_names(paths):
    """The shortest unique suffix of each dotted PATH, not starting with an index."""
    split = [p.split(".") for p in paths]
    names = []
    for segs in split:
        for n in range(1, len(segs) + 1):
            suffix = segs[-n:]
            if suffix[0].isdigit() and n < len(segs):
                continue
            if sum(1 for o in split if o[-n:] == suffix) == 1:
                break
        names.append(".".join(suffix))
    return names


def slug(text):
    return re.sub(r"[^A-Za-z0-9.+-]+", "_", text).strip("_")[:40] or "_"


def make_points(grid):
    """[(point_id, [(path, value), ...]), ...] in grid order (first PATH varying slowest)."""
    if not grid:
        return [("000-base", [])]
    paths = [p for p, _ in grid]
    names = short_names(paths)
    combos = list(itertools.product(*[vals for _, vals in grid]))
    width = max(3, len(str(len(combos) - 1)))
    points = []
    for i, combo in enumerate(combos):
        parts = ["%s=%s" % (slug(n), slug(v)) for n, v in zip(names, combo)]
        points.append(("%0*d-%s" % (width, i, "_".join(parts)), list(zip(paths, combo))))
    return points


# The scenario syntax of durations and data rates (sim/units.cc).
_DURATION = re.compile(r"([0-9]+(?:\.[0-9]+)?)(ns|us|ms|s|min|h)")
_RATE = re.compile(r"([0-9]+(?:\.[0-9]+)?)(bps|kbps|Kbps|Mbps|Gbps)")
_SECONDS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0}
_BPS = {"bps": 1, "kbps": 1e3, "Kbps": 1e3, "Mbps": 1e6, "Gbps": 1e9}


def seconds(text):
    """A duration in the scenario syntax ("30s", "500ms") in seconds, else None."""
    m = _DURATION.fullmatch(str(text).strip())
    return float(m.group(1)) * _SECONDS[m.group(2)] if m else None


def bits_per_second(text):
    """A data rate in the scenario syntax ("10Mbps") in bits per second, else None."""
    m = _RATE.fullmatch(str(text).strip())
    return float(m.group(1)) * _BPS[m.group(2)] if m else None


def typed(text):
    """A grid value as the scenario will read it: JSON when it parses (7, true), else text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def unit_columns(grid):
    """{PATH: (column, converter)} for the grid parameters whose every value is a
    duration (column PATH_s) or a data rate (PATH_bps)."""
    out = {}
    for path, vals in grid:
        if all(seconds(v) is not None for v in vals):
            out[path] = (path + "_s", seconds)
        elif all(bits_per_second(v) is not None for v in vals):
            out[path] = (path + "_bps", bits_per_second)
    return out


def point_description(pid, scenario, sets, overrides):
    """point.json: the point's id, scenario, --set and grid values (typed, with seconds
    or bits per second for durations and rates)."""
    grid = []
    for p, v in overrides:
        entry = {"path": p, "value": v, "typed": typed(v)}
        if seconds(v) is not None:
            entry["seconds"] = seconds(v)
        elif bits_per_second(v) is not None:
            entry["bps"] = bits_per_second(v)
        grid.append(entry)
    return {"point_id": pid, "scenario": scenario, "set": sets, "grid": grid}
