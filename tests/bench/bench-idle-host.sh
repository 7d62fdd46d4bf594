#!/usr/bin/env bash
# `retrotcp bench --idle-hosts`: the heap an idle legacy host costs, as the
# program's allocator counts it (the CSV says whose count it is). With tcmalloc,
# the retrotcp program's default allocator, an idle host must stay within the
# budget of docs/performance.md (6,000 bytes: the node, its IPv4 stack with ARP,
# ICMP and traffic control, the legacy TCP stack and a switched Ethernet port).
# Heap bytes are counted, not timed: the same binary gives the same count.
set -euo pipefail
retrotcp="$1"
allocator="$2" # tcmalloc or system (RETROTCP_ALLOCATOR)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$retrotcp" bench --stacks legacy --network switched --clients 0 --idle-hosts 20000 \
  --csv "$out/bench.csv" >"$out/table.txt" 2>"$out/log.txt"
cat "$out/table.txt"
/usr/bin/python3 - "$out/bench.csv" "$allocator" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
expected = {"tcmalloc": "tcmalloc", "system": "glibc"}[sys.argv[2]]
failures = []
if len(rows) != 1:
    failures.append(f"expected one row, found {len(rows)}")
else:
    r = rows[0]
    if r["allocator"] != expected:
        failures.append(f"heap counted by {r['allocator']}, expected {expected}")
    if int(r["hosts"]) != 20001:
        failures.append(f"{r['hosts']} hosts, expected 20,001")
    per_host = float(r["heap_bytes_per_host"])
    if expected == "tcmalloc" and per_host <= 0:
        failures.append("no heap measured")  # glibc's count reads 0 under AddressSanitizer
    if expected == "tcmalloc" and per_host > 6000:
        failures.append(f"an idle host costs {per_host:.0f} B, over the 6,000 B budget")
    print(f"idle host: {per_host:.0f} B ({r['allocator']})")
for f in failures:
    print(f)
print("bench idle host: " + ("FAILED" if failures else "ok"))
sys.exit(1 if failures else 0)
PY
