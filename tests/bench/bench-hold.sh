#!/usr/bin/env bash
# `retrotcp bench --hold`: connections held open past the end of the run are all
# still open then (open_at_end), none in TIME-WAIT, and the run still agrees with
# stock on every outcome. B/conn is then the cost of an open connection.
set -euo pipefail
retrotcp="$1"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$retrotcp" bench --clients 4 --connections 25 --msl 30s --network switched --hold 1000s \
  --csv "$out/bench.csv" >"$out/table.txt" 2>"$out/log.txt"
cat "$out/table.txt"
/usr/bin/python3 - "$out/bench.csv" <<'PY'
import csv, sys
rows = {r["stack"]: r for r in csv.DictReader(open(sys.argv[1]))}
failures = []
legacy, stock = rows["legacy"], rows["stock"]
if float(legacy["hold_s"]) != 1000:
    failures.append(f"hold_s {legacy['hold_s']}, expected 1000")
if int(legacy["open_at_end"]) != 100:
    failures.append(f"legacy: {legacy['open_at_end']} connections open at the end, expected 100")
if int(legacy["time_wait_at_end"]) != 0:
    failures.append(f"legacy: {legacy['time_wait_at_end']} in TIME-WAIT, expected 0 (all held open)")
if stock["open_at_end"] != "":
    failures.append("stock: open_at_end should be empty (not counted)")
if legacy["established"] != stock["established"] or int(legacy["established"]) != 100:
    failures.append(f"established: legacy {legacy['established']}, stock {stock['established']}")
if float(legacy["heap_bytes_per_connection"]) <= 0:
    failures.append("legacy: no B/conn measured")
for f in failures:
    print(f)
print("bench hold: " + ("FAILED" if failures else "ok"))
sys.exit(1 if failures else 0)
PY
