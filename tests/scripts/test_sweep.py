#!/usr/bin/python3
"""Tests of scripts/sweep (registered in tests/scripts/CMakeLists.txt).

  test_sweep.py CASE --root SOURCE_DIR --binary RETROTCP --work DIR

CASE: grid | resume | failure | invalid | rerun | stale | gridfile | slurm
Each case runs scripts/sweep on scenarios/ns3-stock-basics.json through a wrapper of the
retrotcp binary that logs every run (to count what was run) and exits non-zero
on the first failed check. Replications are run numbers (--runs) with the
scenario's seed (1).
"""

import csv
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time

from testlib import Failure, arguments, check, fresh_folder

GRID = ["--grid", "hosts.client.count=1,2", "--grid", "hosts.client.applications.0.count=1,3"]
POINTS = {  # point id -> (client count, attempts per client)
    "000-client.count=1_applications.0.count=1": (1, 1),
    "001-client.count=1_applications.0.count=3": (1, 3),
    "002-client.count=2_applications.0.count=1": (2, 1),
    "003-client.count=2_applications.0.count=3": (2, 3),
}


class Env:
    def __init__(self, args, case):
        self.root = os.path.abspath(args.root)
        self.binary = os.path.abspath(args.binary)
        self.work = fresh_folder(args.work, case)
        self.log = os.path.join(self.work, "runs.log")
        self.wrapper = os.path.join(self.work, "retrotcp-wrapper")
        self.sweepdir = os.path.join(self.work, "sweep")
        self.sleep = "0"
        self.fail_pattern = ""
        self.write_wrapper()

    def write_wrapper(self):
        with open(self.wrapper, "w") as f:
            f.write("#!/bin/bash\n"
                    "# logs each run (its --out folder), then runs the real binary\n"
                    "if [ \"$1\" = run ]; then\n"
                    "  out=''; prev=''\n"
                    "  for a in \"$@\"; do [ \"$prev\" = --out ] && out=$a; prev=$a; done\n"
                    "  echo \"$out\" >> %s\n"
                    "  sleep %s\n"
                    "  case \"$out\" in *%s*) echo 'retrotcp: error: injected failure' >&2; exit 1;; esac\n"
                    "fi\n"
                    "exec %s \"$@\"\n" % (self.log, self.sleep, self.fail_pattern or "/no-such-run/", self.binary))
        os.chmod(self.wrapper, os.stat(self.wrapper).st_mode | stat.S_IXUSR)

    def runs(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log) as f:
            return [l.strip() for l in f if l.strip()]

    def sweep_cmd(self, *extra, grid=GRID, seeds=("--runs", "2"), scenario=None):
        scenario = scenario or os.path.join(self.root, "scenarios", "ns3-stock-basics.json")
        return [os.path.join(self.root, "scripts", "sweep"), scenario,
                *grid, *seeds, "--out", self.sweepdir, "--binary", self.wrapper, "--progress", "none", *extra]

    def sweep(self, *extra, expect=0, **kw):
        r = subprocess.run(self.sweep_cmd(*extra, **kw), capture_output=True, text=True, timeout=120)
        sys.stdout.write(r.stderr)
        check(r.returncode == expect, "sweep exited %d, expected %d" % (r.returncode, expect))
        return r

    def aggregate(self):
        with open(os.path.join(self.sweepdir, "aggregate.csv"), newline="") as f:
            rd = csv.DictReader(f)
            return rd.fieldnames, list(rd)


def check_aggregate(env, points=POINTS, seeds=(1, 2)):
    """seeds: the run numbers (replications) of every point; the seed is 1."""
    cols, rows = env.aggregate()
    check(cols[:5] == ["point_id", "seed", "run", "hosts.client.count", "hosts.client.applications.0.count"],
          "first columns: %s" % cols[:5])
    for c in ["connections", "outcome_established", "outcome_refused", "outcome_timed_out", "simulated_time_s",
              "wall_time_s", "events", "events_executed", "time_to_outcome_mean_s", "time_to_outcome_median_s",
              "time_to_outcome_p95_s", "time_to_outcome_max_s", "time_to_refused_mean_s",
              "time_to_established_max_s", "syns_sent_mean", "status"]:
        check(c in cols, "aggregate.csv has no column %s" % c)
    check(len(cols) == len(set(cols)), "duplicate columns")
    check(len(rows) == len(points) * len(seeds), "%d rows, expected %d" % (len(rows), len(points) * len(seeds)))
    check(all(r["seed"] == "1" for r in rows), "replications changed the seed")
    got = sorted((r["point_id"], int(r["run"])) for r in rows)
    check(got == sorted((p, s) for p in points for s in seeds), "rows are not one per point x seed: %s" % got)
    for r in rows:
        n, k = points[r["point_id"]]
        check(r["status"] == "ok", "%s: status %s" % (r["point_id"], r["status"]))
        check(int(r["hosts.client.count"]) == n and int(r["hosts.client.applications.0.count"]) == k,
              "%s: grid columns %s, %s" % (r["point_id"], r["hosts.client.count"], r["hosts.client.applications.0.count"]))
        check(int(r["connections"]) == n * k + 1, "%s: connections %s, expected %d" % (r["point_id"], r["connections"], n * k + 1))
        check(int(r["outcome_established"]) == n * k, "%s: established %s" % (r["point_id"], r["outcome_established"]))
        check(int(r["outcome_refused"]) == 1, "%s: refused %s" % (r["point_id"], r["outcome_refused"]))
        check(abs(float(r["time_to_refused_max_s"]) - 189.0) < 1e-6, "%s: time to refused %s" % (r["point_id"], r["time_to_refused_max_s"]))
        check(float(r["simulated_time_s"]) == 240.0, "simulated_time_s %s" % r["simulated_time_s"])
        # the mean over all attempts: (n*k established + 189 s refused) / (n*k+1)
        mean = float(r["time_to_outcome_mean_s"])
        check(189.0 / (n * k + 1) <= mean < 189.0 / (n * k + 1) + 0.1, "%s: mean time to outcome %s" % (r["point_id"], mean))
        check(abs(float(r["syns_sent_mean"]) - (n * k + 6) / (n * k + 1)) < 1e-6, "%s: syns_sent_mean %s" % (r["point_id"], r["syns_sent_mean"]))
        # the run's own summary agrees, with the seed and the overrides
        with open(os.path.join(env.sweepdir, "points", r["point_id"], "seed-1-run-" + r["run"], "summary.json")) as f:
            s = json.load(f)
        check(s["seed"] == 1 and s["run"] == int(r["run"]), "summary seed %s run %s" % (s["seed"], s["run"]))
        check(s["scenario_sha256"] == r["scenario_sha256"] and len(r["scenario_sha256"]) == 64, "scenario_sha256 column")
        check(r["program_id"] == s["provenance"]["program_id"], "program_id column")
        check(s["connections"] == int(r["connections"]), "summary connections differ")


def case_grid(env):
    env.sweep("--jobs", "2")
    check_aggregate(env)
    check(len(env.runs()) == 8, "%d runs, expected 8" % len(env.runs()))
    m = json.load(open(os.path.join(env.sweepdir, "manifest.json")))
    check(m["runs_per_point"] == [1, 2], "manifest runs %s" % m["runs_per_point"])
    check([g["path"] for g in m["grid"]] == ["hosts.client.count", "hosts.client.applications.0.count"], "manifest grid")
    check(m["binary_version"].startswith("retrotcp "), "manifest binary_version %r" % m["binary_version"])
    check(m["ok"] == 8 and m["failed"] == 0 and len(m["points"]) == 4, "manifest counts")
    check(m["invocations"][-1]["start"] and m["invocations"][-1]["end"], "manifest times")
    for pid, (n, k) in POINTS.items():
        for run in (1, 2):
            cmdfile = os.path.join(env.sweepdir, "points", pid, "seed-1-run-%d" % run, "command.sh")
            text = open(cmdfile).read()
            check("--set hosts.client.count=%d --set hosts.client.applications.0.count=%d --seed 1 --run %d --quiet --force --out"
                  % (n, k, run) in text, "%s: command line %s" % (cmdfile, text))
            check(m["points"][list(POINTS).index(pid)]["runs"]["seed-1-run-%d" % run]["status"] == "ok",
                  "manifest point status")
        point = json.load(open(os.path.join(env.sweepdir, "points", pid, "point.json")))
        check([g["typed"] for g in point["grid"]] == [n, k], "point.json typed values %s" % point["grid"])


def case_resume(env):
    """Kill the sweep (SIGKILL to its whole process group, as a crash would) after a
    few runs, then run it again: it completes, and runs nothing that had finished."""
    env.sleep = "0.4"
    env.write_wrapper()
    p = subprocess.Popen(env.sweep_cmd("--jobs", "1"), start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    def complete():
        out = []
        for pid in POINTS:
            for run in (1, 2):
                f = os.path.join(env.sweepdir, "points", pid, "seed-1-run-%d" % run, "summary.json")
                if os.path.exists(f):
                    out.append(f)
        return out
    while len(complete()) < 3 and time.time() < deadline and p.poll() is None:
        time.sleep(0.05)
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    done = complete()
    check(3 <= len(done) < 8, "%d runs complete when killed, expected 3..7" % len(done))
    mtimes = {f: os.stat(f).st_mtime_ns for f in done}
    first = len(env.runs())
    check(not os.path.exists(os.path.join(env.sweepdir, "aggregate.csv")), "aggregate.csv written by a killed sweep")
    env.sleep = "0"
    env.write_wrapper()
    env.sweep("--jobs", "2")
    check_aggregate(env)
    again = env.runs()[first:]
    done_dirs = {os.path.dirname(f) for f in done}
    check(not (set(again) & done_dirs), "finished runs were run again: %s" % sorted(set(again) & done_dirs))
    check(len(again) == 8 - len(done), "second invocation ran %d runs, expected %d" % (len(again), 8 - len(done)))
    for f, t in mtimes.items():
        check(os.stat(f).st_mtime_ns == t, "%s was rewritten" % f)
    # deleting a run's summary.json makes only that run pending again
    victim = os.path.join(env.sweepdir, "points", "002-client.count=2_applications.0.count=1", "seed-1-run-2")
    os.remove(os.path.join(victim, "summary.json"))
    n = len(env.runs())
    env.sweep()
    check(env.runs()[n:] == [victim], "expected only %s to run again, ran %s" % (victim, env.runs()[n:]))
    check_aggregate(env)


def case_failure(env):
    """A run that fails when it runs (injected by the wrapper) is listed, kept out of
    the metrics, and run again by the next invocation."""
    env.fail_pattern = "002-client.count=2"
    env.write_wrapper()
    r = env.sweep("--jobs", "2", expect=1)
    cols, rows = env.aggregate()
    check(len(rows) == 8, "%d rows, expected 8" % len(rows))
    bad = [x for x in rows if x["point_id"].startswith("002-")]
    check(len(bad) == 2, "rows of the failing point")
    for x in bad:
        check(x["status"] == "failed" and x["exit_status"] == "1", "failed run: status %s exit %s" % (x["status"], x["exit_status"]))
        check("injected failure" in x["error"], "failed run error: %r" % x["error"])
        check(x["connections"] == "", "failed run has metrics")
        check(("%s seed 1 run %s: exit status 1: retrotcp: error: injected failure" % (x["point_id"], x["run"])) in r.stderr,
              "failure not listed: %s" % x["point_id"])
    check(sum(1 for x in rows if x["status"] == "ok") == 6, "the other runs are ok")
    m = json.load(open(os.path.join(env.sweepdir, "manifest.json")))
    check(m["failed"] == 2 and m["ok"] == 6, "manifest failed/ok %s/%s" % (m["failed"], m["ok"]))
    env.fail_pattern = ""
    env.write_wrapper()
    n = len(env.runs())
    env.sweep()
    check(len(env.runs()) == n + 2, "the next invocation ran %d runs, expected the 2 failed" % (len(env.runs()) - n))
    check_aggregate(env)


def case_invalid(env):
    """Every grid value is checked before anything runs, and every error is listed at
    once: for a run, --dry-run and --slurm alike; nothing is created or run."""
    grid = ["--grid", "hosts.nope.count=1,2", "--grid", "network.lans.lan0.data_rate=fast,10Mbps",
            "--grid", "hosts.client.count=-1,2"]
    for extra in ((), ("--dry-run",), ("--slurm",)):
        r = env.sweep(*extra, grid=grid, expect=2)
        for text in ("nothing was run", "--grid hosts.nope.count=1:", "--grid hosts.nope.count=2:",
                     'no element "nope"', "--grid network.lans.lan0.data_rate=fast:", "expected a data rate",
                     "--grid hosts.client.count=-1:", "/hosts/1/count"):
            check(text in r.stderr, "%s: no %r in: %s" % (extra or "run", text, r.stderr))
        check("data_rate=10Mbps:" not in r.stderr and "hosts.client.count=2:" not in r.stderr,
              "a valid value reported as an error")
        check(not os.path.exists(env.sweepdir), "%s created %s" % (extra or "run", env.sweepdir))
        check(env.runs() == [], "%s ran something" % (extra or "run"))


def case_rerun(env):
    env.sweep("--jobs", "2")
    n = len(env.runs())
    agg = os.path.join(env.sweepdir, "aggregate.csv")
    before = open(agg).read()
    r = env.sweep()
    check(len(env.runs()) == n, "re-running a complete sweep ran %d runs" % (len(env.runs()) - n))
    check("nothing to run" in r.stderr, "re-run does not say so: %s" % r.stderr)
    check(open(agg).read() == before, "aggregate.csv changed on a re-run")
    # the same folder with another grid for the same point ids is refused
    r = subprocess.run(env.sweep_cmd(grid=["--grid", "hosts.client.applications.0.count=1,3", "--grid", "hosts.client.count=1,2"]),
                       capture_output=True, text=True)
    check(r.returncode == 2 and "different sweep" in r.stderr, "conflicting grid: exit %d: %s" % (r.returncode, r.stderr))
    # --seed-list varies the seed too (each with the run numbers of --runs)
    r = env.sweep("--dry-run", seeds=("--seed-list", "3,4"))
    lines = r.stdout.split()
    check(len(lines) == 8 and {os.path.basename(l) for l in lines} == {"seed-3-run-1", "seed-4-run-1"},
          "--seed-list runs: %s" % lines)


def case_stale(env):
    """A run counts as done only if its summary.json records the scenario hash and
    program of now: edit the scenario and the changed points run again; a run made
    by another build runs again; --keep-stale keeps them."""
    scenario = os.path.join(env.work, "quickstart.json")
    shutil.copy(os.path.join(env.root, "scenarios", "ns3-stock-basics.json"), scenario)
    env.sweep("--jobs", "2", scenario=scenario)
    n = len(env.runs())
    with open(scenario) as f:
        doc = json.load(f)
    doc["network"]["lans"][0]["delay"] = "200us"  # every point changes
    with open(scenario, "w") as f:
        json.dump(doc, f)
    r = env.sweep("--keep-stale", scenario=scenario)
    check(len(env.runs()) == n, "--keep-stale ran %d runs" % (len(env.runs()) - n))
    check("8 finished run(s) are stale" in r.stderr and "kept as done" in r.stderr, "--keep-stale message: %s" % r.stderr)
    cols, rows = env.aggregate()
    check(all(x["stale"] == "scenario changed" for x in rows), "stale column: %s" % {x["stale"] for x in rows})
    r = env.sweep(scenario=scenario)
    check(len(env.runs()) == n + 8, "a changed scenario re-ran %d runs, expected 8" % (len(env.runs()) - n))
    check("8 finished run(s) are stale and run again (scenario changed: 8" in r.stderr, "stale message: %s" % r.stderr)
    check_aggregate(env)
    cols, rows = env.aggregate()
    check(all(x["stale"] == "" for x in rows), "stale after the re-run")
    # a run recorded by another build is stale too
    victim = os.path.join(env.sweepdir, "points", "001-client.count=1_applications.0.count=3", "seed-1-run-1")
    summary = os.path.join(victim, "summary.json")
    s = json.load(open(summary))
    s["provenance"]["program_id"] = "0.0.1+gdeadbeef0000"
    json.dump(s, open(summary, "w"))
    n = len(env.runs())
    r = env.sweep(scenario=scenario)
    check(env.runs()[n:] == [victim], "another program: ran %s, expected %s" % (env.runs()[n:], victim))
    check("program changed (0.0.1+gdeadbeef0000, now" in r.stderr, "program message: %s" % r.stderr)


def case_slurm(env):
    """--slurm writes a job array with the partition, account, memory and time asked
    for, that bash -n accepts and that prints a follow-up command that works."""
    r = env.sweep("--slurm", "--slurm-partition", "short", "--slurm-account", "proj42", "--slurm-mem", "2G",
                  "--slurm-time", "00:20:00", "--slurm-cpus", "2", "--slurm-tasks-per-job", "3")
    script = os.path.join(env.sweepdir, "slurm.sh")
    check(subprocess.run(["bash", "-n", script]).returncode == 0, "bash -n %s failed" % script)
    text = open(script).read()
    for line in ("#SBATCH --array=1-3", "#SBATCH --partition=short", "#SBATCH --account=proj42", "#SBATCH --mem=2G",
                 "#SBATCH --time=00:20:00", "#SBATCH --cpus-per-task=2", "#SBATCH --ntasks=1"):
        check(line + "\n" in text, "slurm.sh has no %r" % line)
    check("..." not in text and "..." not in r.stderr, "a literal ... in slurm.sh or the follow-up command")
    follow = [l for l in r.stderr.splitlines() if l.startswith("sweep: afterwards: ")]
    check(len(follow) == 1 and "--aggregate-only" in follow[0] and "--slurm" not in follow[0], "follow-up: %s" % follow)
    # run the array elements by hand, as Slurm would, then the follow-up command
    for i in ("1", "2", "3"):
        subprocess.run(["bash", script], env=dict(os.environ, SLURM_ARRAY_TASK_ID=i), check=True)
    check(len(env.runs()) == 8, "slurm elements ran %d runs" % len(env.runs()))
    f = subprocess.run(follow[0][len("sweep: afterwards: "):], shell=True, capture_output=True, text=True)
    check(f.returncode == 0, "follow-up command exited %d: %s" % (f.returncode, f.stderr))
    check_aggregate(env)


def case_gridfile(env):
    gf = os.path.join(env.work, "grid.txt")
    with open(gf, "w") as f:
        f.write("# a grid file\nhosts.client.count=1,2\n\nhosts.client.applications.0.count=1,3\n")
    gj = os.path.join(env.work, "grid.json")
    with open(gj, "w") as f:
        json.dump({"hosts.client.count": [1, 2], "hosts.client.applications.0.count": [1, 3]}, f)
    for g in (gf, gj):
        r = env.sweep("--dry-run", grid=["--grid-file", g])
        lines = r.stdout.split()
        check(len(lines) == 8, "dry run from %s lists %d runs" % (g, len(lines)))
        check(sorted({os.path.basename(os.path.dirname(l)) for l in lines}) == sorted(POINTS), "point ids from %s" % g)
    check(env.runs() == [], "dry run ran something")
    env.sweep("--slurm", grid=["--grid-file", gj])
    slurm = open(os.path.join(env.sweepdir, "slurm.sh")).read()
    check("#SBATCH --array=1-8" in slurm, "slurm.sh array")
    tasks = open(os.path.join(env.sweepdir, "slurm-tasks.txt")).read().split()
    check(len(tasks) == 8 and all(os.path.isfile(os.path.join(t, "command.sh")) for t in tasks), "slurm tasks")
    check(env.runs() == [], "--slurm ran something")
    # run two array elements by hand, as Slurm would, then aggregate only
    for i in ("1", "8"):
        subprocess.run(["bash", os.path.join(env.sweepdir, "slurm.sh")], env=dict(os.environ, SLURM_ARRAY_TASK_ID=i), check=True)
    check(len(env.runs()) == 2, "slurm elements ran %d runs" % len(env.runs()))
    env.sweep("--aggregate-only", grid=["--grid-file", gj])
    cols, rows = env.aggregate()
    check(sorted(r["status"] for r in rows) == ["not_run"] * 6 + ["ok"] * 2, "statuses after 2 slurm runs")
    bad = os.path.join(env.work, "bad.txt")
    with open(bad, "w") as f:
        f.write("hosts.client.count\n")
    r = subprocess.run(env.sweep_cmd(grid=["--grid-file", bad]), capture_output=True, text=True)
    check(r.returncode == 2 and "bad.txt:1" in r.stderr, "bad grid file: exit %d: %s" % (r.returncode, r.stderr))


def main():
    a = arguments(("case", ["grid", "resume", "failure", "invalid", "rerun", "stale", "gridfile", "slurm"]))
    env = Env(a, a.case)
    try:
        globals()["case_" + a.case](env)
    except Failure as e:
        print("FAIL: %s (work folder %s)" % (e, env.work))
        return 1
    print("ok: %s" % a.case)
    shutil.rmtree(env.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
