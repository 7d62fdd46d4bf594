"""What scripts/sweep checks before it runs anything: every point valid (all errors
at once) and which finished runs are stale (another scenario or another program)."""

import json
import os
import subprocess
import tempfile


def check_points(binary, scenario, variants):
    """Validates every variant [(sets, seed or None), ...] with `retrotcp validate
    --points`; returns (program_id, [{"ok": ..., "scenario_sha256"/"error", "seed"}])."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump([{"set": sets, "seed": seed} for sets, seed in variants], f)
        path = f.name
    try:
        r = subprocess.run([binary, "validate", scenario, "--points", path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    try:
        doc = json.loads(r.stdout)
    except ValueError:
        raise RuntimeError("retrotcp validate --points failed (exit %d): %s" % (r.returncode, r.stderr.strip()))
    return doc.get("program_id", ""), doc.get("points", [])


def staleness(rundir, scenario_sha256, program_id):
    """Why a finished run (its summary.json) no longer matches, or "" if it does."""
    try:
        with open(os.path.join(rundir, "summary.json"), encoding="utf-8") as f:
            s = json.load(f)
    except (OSError, ValueError):
        return "unreadable summary.json"
    reasons = []
    recorded = s.get("scenario_sha256")
    if recorded != scenario_sha256:
        reasons.append("scenario changed" if recorded else "no scenario hash recorded")
    prog = (s.get("provenance") or {}).get("program_id")
    if prog != program_id:
        reasons.append("program changed (%s, now %s)" % (prog, program_id) if prog else "no program recorded")
    return "; ".join(reasons)
