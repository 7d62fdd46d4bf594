#!/usr/bin/env bash
# A result folder is a transaction: signals, a killed run, two runs into one
# folder, a full disk. Usage: result-folder-test.sh RETROTCP SOURCE_DIR CASE
#   CASE: sigint | sigterm | sigkill | concurrent | full-disk
# Exit 0 pass, 1 fail, 77 skipped (with the reason on stdout).
set -u
# Job control: background runs get their own process group and keep SIGINT (a
# non-interactive shell would start them with SIGINT ignored).
set -m
bin="$1" src="$2" case="$3"
work="$(mktemp -d "${TMPDIR:-/tmp}/retrotcp-folder-XXXXXX")"
trap 'cleanup' EXIT
cleanup() {
  [ -n "${mounted:-}" ] && umount "$work/disk" 2>/dev/null
  rm -rf "$work"
}
fail() { echo "FAIL ($case): $*"; exit 1; }
# A run of a few seconds: the 10,000-workstation storm with 4,000 of them.
long_run() {
  exec "$bin" run "$src/scenarios/lanman-morning-storm-10k.json" --set hosts.ws.count=4000 \
    --no-events "$@"
}
quick_run() { "$bin" run "$src/scenarios/quickstart.json" -q "$@"; }
hash_of() { (cd "$1" && find . -type f | sort | xargs sha256sum); }
staging_left() { ls -A "$(dirname "$1")" | grep -c "^\.$(basename "$1")\.staging-" ; }
# Wait until a run into $1 is simulating (its staging folder holds the manifest
# and the progress line "% simulated" appeared in $2).
wait_simulating() {
  for _ in $(seq 1 300); do
    grep -q "% simulated" "$2" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "the run never started simulating: $(cat "$2")"
}

case "$case" in
sigint | sigterm)
  out="$work/res/out"
  quick_run --out "$out" || fail "first run"
  before="$(hash_of "$out")"
  (long_run --out "$out" 2>"$work/err" >/dev/null) &
  pid=$!
  wait_simulating "$out" "$work/err"
  [ "$(staging_left "$out")" = 1 ] || fail "no staging folder while running"
  sig=INT; want=130
  [ "$case" = sigterm ] && { sig=TERM; want=143; }
  kill -s "$sig" "$pid"
  wait "$pid"; rc=$?
  [ "$rc" = "$want" ] || fail "exit status $rc, expected $want: $(cat "$work/err")"
  grep -q "interrupted by SIG$sig" "$work/err" || fail "no message: $(cat "$work/err")"
  grep -q "nothing published: removed the staging folder" "$work/err" || fail "staging not reported: $(cat "$work/err")"
  [ "$(staging_left "$out")" = 0 ] || fail "staging folder left: $(ls -A "$work/res")"
  [ "$(hash_of "$out")" = "$before" ] || fail "the previous result changed"
  [ -z "$(ls -A "$work/res" | grep -v '^out$')" ] || fail "files left beside: $(ls -A "$work/res")"
  ;;
sigkill)
  out="$work/res/out"
  (long_run --out "$out" 2>"$work/err" >/dev/null) &
  pid=$!
  wait_simulating "$out" "$work/err"
  kill -s KILL "$pid"; wait "$pid" 2>/dev/null
  [ "$(staging_left "$out")" = 1 ] || fail "expected the killed run's staging folder"
  quick_run --out "$out" 2>"$work/err2" || fail "the next run failed: $(cat "$work/err2")"
  grep -q "removed the leftovers of an interrupted run (pid $pid)" "$work/err2" \
    || fail "leftovers not reported: $(cat "$work/err2")"
  [ "$(staging_left "$out")" = 0 ] || fail "staging folder left"
  [ -f "$out/summary.json" ] || fail "no result"
  ;;
concurrent)
  out="$work/res/out"
  (long_run --out "$out" --seed 1 2>"$work/err" >/dev/null) &
  pid=$!
  wait_simulating "$out" "$work/err"
  quick_run --out "$out" --seed 2 2>"$work/err2"; rc=$?
  [ "$rc" = 1 ] || fail "second run: exit status $rc, expected 1"
  grep -q "another retrotcp run (pid $pid) is writing this folder" "$work/err2" \
    || fail "second run's message: $(cat "$work/err2")"
  wait "$pid" || fail "first run failed: $(cat "$work/err")"
  grep -q '"seed": 1' "$out/summary.json" || fail "summary.json is not the first run's"
  grep -q '"scenario": "lanman-morning-storm-10k"' "$out/summary.json" || fail "summary.json mixed"
  rows=$(($(wc -l <"$out/connections.csv") - 1))
  grep -q "\"connections\": $rows," "$out/summary.json" || fail "connections.csv is not the first run's ($rows rows)"
  ;;
full-disk)
  [ "$(id -u)" = 0 ] || { echo "SKIP: needs root to mount a small tmpfs"; exit 77; }
  mkdir -p "$work/disk"
  mount -t tmpfs -o size=256k tmpfs "$work/disk" 2>"$work/mount-err" \
    || { echo "SKIP: cannot mount a tmpfs here: $(cat "$work/mount-err")"; exit 77; }
  mounted=1
  out="$work/disk/out"
  quick_run --out "$out" --no-events || fail "first run (small) failed"
  before="$(hash_of "$out")"
  # The captures of the 10k storm do not fit in 256 KiB.
  "$bin" run "$src/scenarios/lanman-morning-storm-10k.json" --set hosts.ws.count=200 -q \
    --pcap --out "$out" 2>"$work/err"; rc=$?
  [ "$rc" = 1 ] || fail "exit status $rc, expected 1: $(cat "$work/err")"
  grep -q "No space left on device" "$work/err" || fail "message: $(cat "$work/err")"
  [ "$(hash_of "$out")" = "$before" ] || fail "the previous result changed"
  [ "$(staging_left "$out")" = 0 ] || fail "staging folder left: $(ls -A "$work/disk")"
  [ -z "$(ls -A "$work/disk" | grep -v '^out$')" ] || fail "files left: $(ls -A "$work/disk")"
  ;;
*)
  fail "unknown case"
  ;;
esac
echo "ok ($case)"
