#!/usr/bin/env bash
# CI smoke run of `retrotcp bench` at a small size: it must run, write its CSV, and
# the legacy and stock stacks must agree on the outcome of every connection (not
# on speed). Every closed client end of the legacy stack must still be in
# TIME-WAIT when the run stops (that is the load the benchmark is about).
set -euo pipefail
retrotcp="$1"
network="${2:-star}"     # star or switched
scheduler="${3:-map}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$retrotcp" bench --clients 4 --connections 25 --msl 30s --network "$network" --scheduler "$scheduler" --csv "$out/bench.csv" >"$out/table.txt" 2>"$out/log.txt"
cat "$out/table.txt"
/usr/bin/python3 - "$out/bench.csv" "$network" "$scheduler" <<'PY'
import csv, sys
rows = {r["stack"]: r for r in csv.DictReader(open(sys.argv[1]))}
failures = []
for r in rows.values():
    if (r["network"], r["scheduler"]) != (sys.argv[2], sys.argv[3]):
        failures.append(f"ran {r['network']}/{r['scheduler']}, asked for {sys.argv[2]}/{sys.argv[3]}")
if set(rows) != {"legacy", "stock"}:
    failures.append(f"expected rows for legacy and stock, found {sorted(rows)}")
else:
    for stack, r in rows.items():
        if int(r["connections"]) != 100:
            failures.append(f"{stack}: {r['connections']} connections, expected 4 x 25 = 100")
        if int(r["established"]) != int(r["connections"]):
            failures.append(f"{stack}: {r['established']} of {r['connections']} established")
        if int(r["peak_rss_bytes"]) <= 0 or float(r["wall_s"]) <= 0:
            failures.append(f"{stack}: no measurement ({r['peak_rss_bytes']} B, {r['wall_s']} s)")
    if rows["legacy"]["established"] != rows["stock"]["established"]:
        failures.append("the stacks disagree on established connections")
    if int(rows["legacy"]["time_wait_at_end"]) != 100:
        failures.append(f"legacy: {rows['legacy']['time_wait_at_end']} client ends in TIME-WAIT, expected 100")
for f in failures:
    print(f)
print("bench smoke: " + ("FAILED" if failures else "ok"))
sys.exit(1 if failures else 0)
PY
