#!/usr/bin/python3
"""scripts/sweep over ssh against a real sshd (registered in tests/scripts/CMakeLists.txt).

  test_sweep_ssh.py --root SOURCE_DIR --binary RETROTCP --work DIR

Starts Debian's sshd (openssh-server) on 127.0.0.1 on a free high port, with its
own host key, user key and configuration in DIR, and runs a 6-run sweep with an
--sshloginfile of two hosts: that sshd ("alive") and a port where nothing listens
("dead"). Every run must complete on "alive" (the dead host is left out with a
warning, GNU parallel's --filter-hosts), the runs' summary.json must say they ran
through ssh, and the sweep must exit 0. sshd is stopped at the end. Exit 77
(skipped, with the reason) when sshd cannot be started here.
"""

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import time

from testlib import arguments, fresh_folder

SKIP = 77


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def skip(reason):
    print("SKIP: %s" % reason)
    sys.exit(SKIP)


def fail(msg):
    print("FAIL: %s" % msg)
    sys.exit(1)


def start_sshd(work):
    """Starts sshd in the foreground (our child); returns (process, ssh config path)."""
    sshd = shutil.which("sshd") or "/usr/sbin/sshd"
    if not os.path.exists(sshd) or not shutil.which("ssh-keygen") or not shutil.which("ssh"):
        skip("no sshd, ssh or ssh-keygen (scripts/test installs openssh-server)")
    for key in ("host_key", "user_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", os.path.join(work, key)], check=True)
    shutil.copy(os.path.join(work, "user_key.pub"), os.path.join(work, "authorized_keys"))
    os.chmod(os.path.join(work, "authorized_keys"), 0o600)
    port, dead = free_port(), free_port()
    config = os.path.join(work, "sshd_config")
    with open(config, "w") as f:
        f.write("\n".join([
            "Port %d" % port, "ListenAddress 127.0.0.1", "HostKey %s" % os.path.join(work, "host_key"),
            "AuthorizedKeysFile %s" % os.path.join(work, "authorized_keys"),
            "PidFile %s" % os.path.join(work, "sshd.pid"), "StrictModes no", "UsePAM no",
            "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PubkeyAuthentication yes",
            "PermitRootLogin prohibit-password", "LogLevel ERROR", ""]))
    if os.geteuid() == 0 and not os.path.isdir("/run/sshd"):
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # sshd's privilege-separation folder
    log = open(os.path.join(work, "sshd.log"), "w")
    proc = subprocess.Popen([sshd, "-D", "-e", "-f", config], stdout=log, stderr=subprocess.STDOUT)
    client = os.path.join(work, "ssh_config")
    with open(client, "w") as f:
        common = ["  HostName 127.0.0.1", "  IdentityFile %s" % os.path.join(work, "user_key"), "  IdentitiesOnly yes",
                  "  StrictHostKeyChecking no", "  UserKnownHostsFile %s" % os.path.join(work, "known_hosts"),
                  "  BatchMode yes", "  ConnectTimeout 5", "  LogLevel ERROR"]
        f.write("\n".join(["Host alive", "  Port %d" % port] + common + ["Host dead", "  Port %d" % dead] + common) + "\n")
    deadline = time.time() + 20
    while time.time() < deadline:
        if proc.poll() is not None:
            skip("sshd exited at once: %s" % open(os.path.join(work, "sshd.log")).read().strip())
        r = subprocess.run(["ssh", "-F", client, "alive", "true"], capture_output=True, text=True)
        if r.returncode == 0:
            return proc, client
        time.sleep(0.3)
    proc.terminate()
    skip("cannot log in to the test sshd: %s" % r.stderr.strip())


def main():
    a = arguments()
    work = fresh_folder(a.work, "ssh")
    proc, client = start_sshd(work)
    try:
        logins = os.path.join(work, "sshlogins")
        with open(logins, "w") as f:
            f.write("1/ssh -F %s alive\n1/ssh -F %s dead\n" % (client, client))
        out = os.path.join(work, "sweep")
        cmd = [os.path.join(a.root, "scripts", "sweep"), os.path.join(a.root, "scenarios", "ns3-stock-basics.json"),
               "--grid", "hosts.client.count=1,2,3", "--runs", "2", "--out", out, "--binary", a.binary,
               "--sshloginfile", logins, "--progress", "none"]
        t0 = time.time()
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        sys.stdout.write(r.stderr)
        if r.returncode != 0:
            fail("sweep over ssh exited %d" % r.returncode)
        with open(os.path.join(out, "aggregate.csv"), newline="") as f:
            rows = list(csv.DictReader(f))
        if len(rows) != 6 or any(x["status"] != "ok" for x in rows):
            fail("expected 6 ok runs: %s" % [(x["point_id"], x["run"], x["status"]) for x in rows])
        for x in rows:
            n = int(x["hosts.client.count"])
            if int(x["connections"]) != 3 * n + 1:
                fail("%s: %s connections, expected %d" % (x["point_id"], x["connections"], 3 * n + 1))
        # The runs went through ssh: GNU parallel's job log names the host of each.
        with open(os.path.join(out, "joblog.tsv")) as f:
            hosts = [line.split("\t")[1] for line in f.read().splitlines()[1:]]
        if len(hosts) < 6 or any("alive" not in h for h in hosts):
            fail("runs not all on the sshd host: %s" % hosts)
        if "dead" not in r.stderr:
            fail("no warning about the dead host")
        print("ok: 6 runs over ssh in %.1f s, the dead host left out" % (time.time() - t0))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
