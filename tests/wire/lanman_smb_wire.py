#!/usr/bin/python3
"""The LAN Manager captures read as NetBIOS session service + SMB, as the redirector did it.

  lanman_smb_wire.py --root ROOT --binary RETROTCP --work DIR

Runs every scenarios/lanman-*.json with --pcap (the morning storms with 3
workstations), reads each workstation's capture with tshark and checks the rules
below (docs/models/lanman.md, "SMB on the wire"). tshark reads with checksum
validation on, as a user would; checksums themselves are checked by
scripts/wire-check, for every scenario.

Exit status 0 when every rule holds; 1 with one line per violation otherwise.
"""

import argparse
import csv
import glob
import os
import re
import shutil
import subprocess
import sys

# The morning storms are large; three workstations show every message kind.
SHRINK = {
    "lanman-morning-storm": ["--set", "hosts.ws.count=3"],
    "lanman-morning-storm-10k": ["--set", "hosts.ws.count=3"],
}

# lanman-smb-dialects: "a LAN Manager 2.x MS-DOS redirector offers PC NETWORK
# PROGRAM 1.0, MICROSOFT NETWORKS 3.0, DOS LM1.2X002, DOS LANMAN2.1" (MS-CIFS 1.7;
# the DOS family's list as Samba's negprot.c tabulates it for WfWg, without WfW's own).
DIALECTS = ["PC NETWORK PROGRAM 1.0", "MICROSOFT NETWORKS 3.0", "DOS LM1.2X002", "DOS LANMAN2.1"]

FIELDS = ["frame.number", "tcp.stream", "smb.cmd", "smb.flags.response", "smb.mid", "smb.uid",
          "smb.tid", "smb.wct", "smb.bcc", "smb.error_class", "smb.dialect.name",
          "smb.dialect.index", "smb.sm", "smb.session_key", "smb.pwlen", "smb.account",
          "smb.primary_domain", "smb.path", "smb.service", "nbss.type", "nbss.length"]

NEGOTIATE, SESSION_SETUP, LOGOFF, TREE_CONNECT, TREE_DISCONNECT = 0x72, 0x73, 0x74, 0x75, 0x71
PATH_RE = re.compile(r"^\\\\[A-Z0-9_-]+\\[A-Z0-9_$-]+$")


def tshark(pcap, *args):
    cmd = ["tshark", "-r", pcap, "-o", "ip.check_checksum:TRUE",
           "-o", "tcp.check_checksum:TRUE"] + list(args)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: {proc.stderr.strip()}")
    return proc.stdout


def messages(pcap):
    """One dict per SMB message (several per frame are not expected)."""
    out = tshark(pcap, "-Y", "smb || nbss", "-T", "fields", "-E", "separator=\t",
                 "-E", "occurrence=a", "-E", "aggregator=|", *sum([["-e", f] for f in FIELDS], []))
    rows = []
    for line in out.splitlines():
        values = line.split("\t")
        rows.append(dict(zip(FIELDS, values + [""] * (len(FIELDS) - len(values)))))
    return rows


def expert_rows(pcap):
    """(severity, protocol, summary) of expert items at warning or error severity."""
    out = tshark(pcap, "-q", "-z", "expert,warn")
    rows, severity = [], None
    for line in out.splitlines():
        m = re.match(r"^(Errors|Warns)\s*\(", line)
        if m:
            severity = m.group(1)
            continue
        m = re.match(r"^\s+\d+\s+\S+\s+(\S+)\s+(.*)$", line)
        if m and severity:
            rows.append((severity, m.group(1), m.group(2)))
    return rows


def num(value):
    """The first occurrence as a number (an AndX message repeats smb.cmd: 0xff)."""
    first = value.split("|")[0]
    return int(first, 0) if first else None


class Checker:
    def __init__(self):
        self.errors = []

    def fail(self, where, rule, text):
        self.errors.append(f"{where}: [{rule}] {text}")

    def check_capture(self, where, pcap, logons, uses, deletes):
        # lanman-smb-clean: "tshark decodes each message without a malformed
        # packet or an expert warning" (SMB and NBSS).
        malformed = tshark(pcap, "-Y", "_ws.malformed", "-T", "fields", "-e", "frame.number")
        if malformed.strip():
            self.fail(where, "lanman-smb-clean", f"malformed frames {malformed.split()}")
        for severity, proto, summary in expert_rows(pcap):
            if proto in ("SMB", "NBSS"):
                self.fail(where, "lanman-smb-clean", f"{severity} {proto}: {summary}")

        streams = {}
        for row in messages(pcap):
            if row["nbss.type"] in ("0", "0x00") and not row["smb.cmd"] and row["tcp.stream"]:
                # lanman-smb-clean: every NBSS SESSION MESSAGE carries an SMB.
                self.fail(where, "lanman-smb-clean",
                          f"frame {row['frame.number']}: session message without SMB")
            if row["smb.cmd"]:
                streams.setdefault(int(row["tcp.stream"]), []).append(row)

        paths, accounts, disconnects = [], [], 0
        for stream, rows in sorted(streams.items()):
            paths_s, accounts_s, disc_s = self.check_stream(f"{where} stream {stream}", rows)
            paths += paths_s
            accounts += accounts_s
            disconnects += disc_s
        # lanman-smb-account / lanman-smb-path: "Session Setup AndX with the
        # account name" of net logon; "Tree Connect AndX with \\SERVER\SHARE", in
        # the order the commands ran.
        if sorted(set(accounts)) != sorted(set(logons)):
            self.fail(where, "lanman-smb-account",
                      f"Session Setup accounts {sorted(set(accounts))}, net logon users {logons}")
        paths = [p for _, p in sorted(paths)]
        if paths != uses:
            self.fail(where, "lanman-smb-path", f"Tree Connect paths {paths}, net use {uses}")
        if disconnects != deletes:
            self.fail(where, "lanman-smb-tree-disconnect",
                      f"{disconnects} Tree Disconnects, {deletes} net use /d that found a session")

    def check_stream(self, where, rows):
        cmds = [(num(r["smb.cmd"]), r["smb.flags.response"] == "1") for r in rows]
        for r in rows:
            # lanman-smb-counts: "WordCount/ByteCount consistent": the 32-byte
            # header, WordCount, the words, ByteCount and the bytes fill the NBSS
            # message exactly.
            lengths = r["nbss.length"].split("|")
            wct, bcc = num(r["smb.wct"]), num(r["smb.bcc"])
            if len(lengths) == 1 and wct is not None and bcc is not None and \
                    int(lengths[0]) != 32 + 1 + 2 * wct + 2 + bcc:
                self.fail(where, "lanman-smb-counts",
                          f"frame {r['frame.number']}: NBSS length {lengths[0]}, "
                          f"WCT {wct}, BCC {bcc}")
        paths, accounts, disconnects = [], [], 0
        # lanman-smb-order: "Negotiate Protocol, then Session Setup AndX", each
        # request answered before the next (the redirector has one outstanding).
        if cmds[:4] != [(NEGOTIATE, False), (NEGOTIATE, True), (SESSION_SETUP, False),
                        (SESSION_SETUP, True)]:
            self.fail(where, "lanman-smb-order", f"starts {[(hex(c), r) for c, r in cmds[:4]]}")
            return paths, accounts, disconnects
        uid, tids, session_key = 0, set(), None
        for i in range(0, len(rows) - 1, 2):
            req, rsp = rows[i], rows[i + 1]
            cmd = num(req["smb.cmd"])
            frame = f"frame {req['frame.number']}"
            if not (req["smb.flags.response"] == "0" and rsp["smb.flags.response"] == "1"
                    and num(rsp["smb.cmd"]) == cmd and req["smb.mid"] == rsp["smb.mid"]):
                self.fail(where, "lanman-smb-order", f"{frame}: request not followed by its response")
                return paths, accounts, disconnects
            if num(rsp["smb.error_class"]) not in (None, 0):
                self.fail(where, "lanman-smb-status", f"{frame}: error class {rsp['smb.error_class']}")
            wct_req, wct_rsp = num(req["smb.wct"]), num(rsp["smb.wct"])
            # lanman-smb-uid-tid: "UID and TID taken from the server's responses";
            # no TID before a Tree Connect.
            req_uid, req_tid = num(req["smb.uid"]), num(req["smb.tid"])
            if cmd in (NEGOTIATE, SESSION_SETUP, TREE_CONNECT) and req_tid != 0:
                self.fail(where, "lanman-smb-uid-tid", f"{frame}: {hex(cmd)} request with TID {req_tid}")
            if cmd not in (NEGOTIATE, SESSION_SETUP) and req_uid != uid:
                self.fail(where, "lanman-smb-uid-tid",
                          f"{frame}: {hex(cmd)} request UID {req_uid}, server gave {uid}")
            if cmd == NEGOTIATE:
                # lanman-smb-dialects, lanman-smb-negotiate-response: "the
                # server's response choosing a dialect" in the LANMAN form (WordCount 13).
                offered = req["smb.dialect.name"].split("|")
                if offered != DIALECTS or wct_req != 0:
                    self.fail(where, "lanman-smb-dialects", f"{frame}: offers {offered} (WCT {wct_req})")
                index = num(rsp["smb.dialect.index"])
                if wct_rsp != 13 or index is None or index >= len(offered) or \
                        offered[index] != "DOS LANMAN2.1":
                    self.fail(where, "lanman-smb-negotiate-response",
                              f"{frame}: WCT {wct_rsp}, dialect index {index}")
                session_key = rsp["smb.session_key"]
            elif cmd == SESSION_SETUP:
                # lanman-smb-session-setup: "the account name from net logon and a
                # password field of the right length" (24: challenge/response).
                if wct_req != 10 or num(req["smb.pwlen"]) != 24 or not req["smb.account"]:
                    self.fail(where, "lanman-smb-session-setup",
                              f"{frame}: WCT {wct_req}, password length {req['smb.pwlen']}, "
                              f"account {req['smb.account']!r}")
                if req["smb.session_key"] != session_key:
                    self.fail(where, "lanman-smb-session-setup",
                              f"{frame}: session key {req['smb.session_key']}, server gave {session_key}")
                accounts.append(req["smb.account"])
                uid = num(rsp["smb.uid"])
                if wct_rsp != 3 or not uid:
                    self.fail(where, "lanman-smb-uid-tid", f"{frame}: response WCT {wct_rsp} UID {uid}")
            elif cmd == TREE_CONNECT:
                # lanman-smb-tree-connect: "Tree Connect AndX with \\SERVER\SHARE and
                # service A:" (and the response).
                if wct_req != 4 or not PATH_RE.match(req["smb.path"]) or req["smb.service"] != "A:":
                    self.fail(where, "lanman-smb-tree-connect",
                              f"{frame}: WCT {wct_req}, path {req['smb.path']!r}, "
                              f"service {req['smb.service']!r}")
                tid = num(rsp["smb.tid"])
                if wct_rsp != 3 or not tid or tid in tids or rsp["smb.service"] != "A:":
                    self.fail(where, "lanman-smb-uid-tid", f"{frame}: response WCT {wct_rsp} TID {tid}")
                tids.add(tid)
                paths.append((int(req["frame.number"]), req["smb.path"]))
            elif cmd == TREE_DISCONNECT:
                if req_tid not in tids or wct_req != 0:
                    self.fail(where, "lanman-smb-tree-disconnect",
                              f"{frame}: TID {req_tid} not granted ({sorted(tids)})")
                tids.discard(req_tid)
                disconnects += 1
            elif cmd == LOGOFF:
                if wct_req != 2 or wct_rsp != 2:
                    self.fail(where, "lanman-smb-logoff", f"{frame}: WCT {wct_req}/{wct_rsp}")
                uid, tids = 0, set()
            else:
                self.fail(where, "lanman-smb-order", f"{frame}: unexpected command {hex(cmd)}")
        if len(rows) % 2:
            self.fail(where, "lanman-smb-order", "a request without its response")
        return paths, accounts, disconnects


def expected_commands(out_dir):
    """Per host: net logon users, net use paths (ok, in order), net use /d that reached a session."""
    hosts = {}
    with open(os.path.join(out_dir, "commands.csv"), newline="") as f:
        for r in csv.DictReader(f):
            h = hosts.setdefault(r["host"], {"logons": [], "uses": [], "deletes": 0})
            words = r["command"].split()
            if r["result"] != "ok" or len(words) < 3 or words[0].lower() != "net":
                continue
            if words[1].lower() == "logon":
                h["logons"].append(words[2])
            elif words[1].lower() == "use" and len(words) >= 4:
                if words[3].startswith("\\\\"):
                    h["uses"].append(words[3].upper())
                elif words[3].lower() in ("/d", "/delete") and "session=gone" not in r["detail"]:
                    h["deletes"] += 1
    return hosts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    checker = Checker()
    scenarios = sorted(glob.glob(os.path.join(a.root, "scenarios", "lanman-*.json")))
    if not scenarios:
        print("no scenarios/lanman-*.json", file=sys.stderr)
        return 1
    for path in scenarios:
        name = os.path.splitext(os.path.basename(path))[0]
        out = os.path.join(a.work, name)
        shutil.rmtree(out, ignore_errors=True)
        cmd = [a.binary, "run", path, "-o", out, "--pcap", "-q", "--seed", "1"] + SHRINK.get(name, [])
        proc = subprocess.run(cmd, cwd=a.root, capture_output=True, text=True)
        if proc.returncode != 0:
            checker.fail(name, "run", f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr}")
            continue
        for host, want in sorted(expected_commands(out).items()):
            pcaps = glob.glob(os.path.join(out, "pcap", f"{host}-*.pcap"))
            if len(pcaps) != 1:
                checker.fail(f"{name}/{host}", "run", f"captures {pcaps}")
                continue
            checker.check_capture(f"{name}/{os.path.basename(pcaps[0])}", pcaps[0],
                                  want["logons"], want["uses"], want["deletes"])
    for e in checker.errors:
        print(e)
    print(f"lanman_smb_wire: {len(scenarios)} scenarios, {len(checker.errors)} violations")
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main())
