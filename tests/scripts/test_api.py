#!/usr/bin/python3
"""The pandas results API (scripts/lib/retrotcp_api.py) and its documented examples.

  test_api.py --root SOURCE_DIR --binary RETROTCP --work DIR

Runs the shell commands of docs/user-guide.md's "Load results in pandas" section in
DIR (with RETROTCP_BUILD_DIR's binary), then every Python example of that section
there, then checks the types and values load_run and load_sweep return on that
real output.
"""
import os
import re
import shutil
import subprocess
import sys

from testlib import arguments, fresh_folder


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def section(root):
    text = open(os.path.join(root, "docs", "user-guide.md"), encoding="utf-8").read()
    start = text.index("## 5. Load results in pandas")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def main():
    a = arguments()
    work = fresh_folder(a.work, "api")
    os.symlink(os.path.join(a.root, "scenarios"), os.path.join(work, "scenarios"))
    os.symlink(os.path.join(a.root, "scripts"), os.path.join(work, "scripts"))
    doc = section(a.root)
    shell = re.findall(r"```sh\n(.*?)```", doc, re.S)
    python = re.findall(r"```python\n(.*?)```", doc, re.S)
    if len(shell) != 1 or len(python) != 2:
        fail("expected 1 sh and 2 python examples, found %d and %d" % (len(shell), len(python)))
    # the documented commands, with the built binary instead of scripts/retrotcp's build
    cmds = shell[0].replace("\\\n", " ").replace("scripts/retrotcp ", a.binary + " ")
    cmds = cmds.replace("scripts/sweep ", "scripts/sweep --binary %s " % a.binary)
    r = subprocess.run(["bash", "-euc", cmds], cwd=work, capture_output=True, text=True, timeout=300)
    if r.returncode:
        fail("documented commands exited %d: %s" % (r.returncode, r.stderr))
    outputs = []
    for i, code in enumerate(python):
        r = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True, timeout=120)
        if r.returncode:
            fail("python example %d exited %d:\n%s" % (i + 1, r.returncode, r.stderr))
        outputs.append(r.stdout)
    # what the text says the second example prints: 0.86 0.43 0.14 0 across, for every MSL
    rows = [l.split() for l in outputs[1].splitlines() if re.match(r"\s*[0-9.]+\s+0\.86", l)]
    if len(rows) != 3 or any([float(x) for x in row[1:]] != [0.86, 0.43, 0.14, 0.0] for row in rows):
        fail("the pivot table is not the documented one:\n%s" % outputs[1])
    if "dos_error_53" not in outputs[0] or "no_tcb" not in outputs[0]:
        fail("the first example does not show the failed commands:\n%s" % outputs[0])

    sys.path.insert(0, os.path.join(a.root, "scripts", "lib"))
    from retrotcp_api import load_run, load_sweep
    run = load_run(os.path.join(work, "results", "lanman-relogon-error"))
    c, e, m = run.connections, run.events, run.commands
    checks = [
        (str(c.conn_id.dtype) == "Int64", "connections.conn_id %s (the type of every conn_id, so they join)" % c.conn_id.dtype),
        (str(c.start_s.dtype) == "float64" and str(c.end_s.dtype) == "float64", "connection times"),
        (str(c.outcome.dtype) == "category", "outcome %s" % c.outcome.dtype),
        (str(c["errno"].dtype) == "category" and set(c[c.outcome == "no_tcb"]["errno"]) == {"ERROR_BAD_NETPATH"},
         "errno %s: %s" % (c["errno"].dtype, set(c["errno"]))),
        (str(e.conn_id.dtype) == "Int64", "events.conn_id %s (empty cells must not make it float)" % e.conn_id.dtype),
        (str(e.in_use.dtype) == "Int64" and e.in_use.max() == 7, "events in_use %s max %s" % (e.in_use.dtype, e.in_use.max())),
        (str(e.capacity.dtype) == "Int64", "events capacity"),
        (set(e[e.event == "connect_start"].remote_port.dropna()) == {139}, "connect_start remote_port"),
        (e[e.event == "command_start"].command.str.match(r"(net|wait) ").all(), "command_start command"),
        (str(m.conn_id.dtype) == "Int64" and m.conn_id.notna().sum() == 24, "commands.conn_id"),
        (run.scenario["hosts"][2]["stack"]["parameters"]["TCPCONNECTIONS"] == 7, "scenario.json"),
        (len(run.summary["scenario_sha256"]) == 64, "summary"),
    ]
    # One list of outcome words: the binary's (summary.json counts every outcome the
    # models know) and the scripts' (the columns of every sweep aggregate).
    from retrotcp_results import OUTCOMES
    checks.append((sorted(run.summary["outcomes"]) == sorted(OUTCOMES),
                   "summary.json outcomes %s, scripts' OUTCOMES %s" % (sorted(run.summary["outcomes"]), OUTCOMES)))
    s = load_sweep(os.path.join(work, "results", "sweeps", "relogon"))
    tc = "hosts.ws-light.stack.parameters.TCPCONNECTIONS"
    msl = "hosts.ws-light.stack.parameters.MSL"
    checks += [
        (str(s[tc].dtype) == "int64", "grid TCPCONNECTIONS %s" % s[tc].dtype),
        (str(s[msl + "_s"].dtype) == "float64" and sorted(set(s[msl + "_s"])) == [1.0, 2.0, 30.0], "grid MSL_s"),
        (str(s.connections.dtype) == "Int64" and str(s.outcome_no_tcb.dtype) == "Int64", "counts"),
        (str(s.time_to_outcome_mean_s.dtype) == "float64", "times"),
        (str(s["relogon_ws-light_failure_rate"].dtype) == "float64", "rates"),
        (s.attrs["grid"] == [tc, msl], "attrs grid"),
        (len(s) == 12 and (s.status == "ok").all(), "rows"),
    ]
    for ok, what in checks:
        if not ok:
            fail(what)
    print("ok: api (%d checks, 2 documented examples)" % len(checks))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
