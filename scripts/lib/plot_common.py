"""What every figure of scripts/plot shares: style, input reading, numbers with units,
titles, saving."""

import json
import os
import re
import sys

import retrotcp_results as rr

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

STYLE = {
    "svg.hashsalt": "retrotcp",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "legend.fontsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "0.88",
    "grid.linewidth": 0.6,
    "lines.linewidth": 1.4,
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "savefig.bbox": "tight",
    "path.simplify": False,
}
# Colour-blind-safe palette (Okabe and Ito).
COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
FAIL_COLOR = "#B00020"


class InputError(Exception):
    pass


class NothingToPlot(Exception):
    pass


def note(msg):
    """What a figure shows, for the user (stderr)."""
    print("plot: " + msg, file=sys.stderr)


def read(path):
    try:
        return rr.read_csv(path)
    except OSError as e:
        raise InputError("%s: %s" % (path, e.strerror))
    except (UnicodeDecodeError, ValueError) as e:
        raise InputError("%s: not a readable CSV file: %s" % (path, e))


def need(rows, path, columns):
    if not rows:
        return
    missing = [c for c in columns if c not in rows[0]]
    if missing:
        raise InputError("%s: no column %s (columns: %s)" % (path, ", ".join(missing), ", ".join(rows[0].keys())))


_UNITS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0,
          "bps": 1.0, "kbps": 1e3, "Kbps": 1e3, "Mbps": 1e6, "Gbps": 1e9}


def numeric(text):
    """A number from a cell or a grid value: 7, 2.5, a duration ("30s", "500ms": in
    seconds) or a data rate ("10Mbps": in bits per second); None otherwise."""
    f = rr.to_float(text)
    if f is not None:
        return f
    m = re.fullmatch(r"\s*([-+0-9.eE]+)\s*(ns|us|ms|s|min|h|bps|kbps|Kbps|Mbps|Gbps)\s*", str(text or ""))
    if m:
        try:
            return float(m.group(1)) * _UNITS[m.group(2)]
        except ValueError:
            return None
    return None


def unit_of(values):
    """"s" when the values are durations, "bit/s" when data rates, else ""."""
    texts = [str(v) for v in values if rr.to_float(v) is None]
    if texts and all(re.fullmatch(r"[0-9.]+(ns|us|ms|s|min|h)", t) for t in texts):
        return "s"
    if texts and all(re.fullmatch(r"[0-9.]+[kKMG]?bps", t) for t in texts):
        return "bit/s"
    return ""


def title(ax_or_fig, a, default, **kw):
    """The figure's title: --title, or the default; --title '' means none."""
    text = default if a.title is None else a.title
    if not text:
        return
    if hasattr(ax_or_fig, "suptitle"):
        ax_or_fig.suptitle(text, **kw)
    else:
        ax_or_fig.set_title(text, **kw)


def save(fig, a):
    os.makedirs(a.out, exist_ok=True)
    base = os.path.join(a.out, a.name or a.figure)
    paths = []
    for ext in a.formats:
        p = "%s.%s" % (base, ext)
        meta = {"Date": None} if ext in ("svg", "pdf") else {}
        if ext in ("svg", "pdf", "png"):
            meta["Creator" if ext != "png" else "Software"] = "retrotcp scripts/plot"
        fig.savefig(p, format=ext, metadata=meta)
        paths.append(p)
    plt.close(fig)
    for p in paths:
        print(p)


def label_for(a, i, path):
    if a.label and i < len(a.label):
        return a.label[i]
    d = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return d or os.path.basename(path)


def natural_key(s):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def scenario_next_to(path):
    """scenario.json of the result folder holding \\p path, or None."""
    p = os.path.join(os.path.dirname(os.path.abspath(path)), "scenario.json")
    if not os.path.isfile(p):
        return None
    try:
        with open(p, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None
