# Shared set-up for scripts/retrotcp and scripts/test (sourced, not run).
# Installs missing Debian packages, then configures and builds incrementally.
# Quiet and fast when nothing is missing and nothing changed.

RETROTCP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RETROTCP_BUILD="${RETROTCP_BUILD_DIR:-$RETROTCP_ROOT/build}"

RETROTCP_PACKAGES=(
  cmake g++ make pkg-config
  ns3 libns3-dev libgsl-dev libsqlite3-dev libxml2-dev
  libboost-program-options-dev nlohmann-json3-dev libssl-dev catch2
  python3 python3-matplotlib python3-pandas python3-jsonschema
  parallel tshark libpcap-dev libgoogle-perftools-dev
)
# Only for the tests (scripts/test): the formatting check; the real-kernel capture
# of `retrotcp fit`'s tests (network namespaces, a veth pair, nftables, tcpdump);
# sshd for the sweep over ssh.
RETROTCP_TEST_PACKAGES=(clang-format tcpdump nftables iproute2 openssh-server)
# Only for fuzzing (scripts/fuzz): clang and libFuzzer.
RETROTCP_FUZZ_PACKAGES=(clang-14 libfuzzer-14-dev)

retrotcp_missing_packages() {
  local pkg status
  local packages=("${RETROTCP_PACKAGES[@]}")
  [ "${1:-}" = test ] && packages+=("${RETROTCP_TEST_PACKAGES[@]}")
  [ "${1:-}" = fuzz ] && packages+=("${RETROTCP_FUZZ_PACKAGES[@]}")
  for pkg in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || echo "$pkg"
  done
}

# retrotcp_install_packages [test|fuzz]: the packages only the tests, or only
# fuzzing, need as well.
retrotcp_install_packages() {
  local missing
  missing=$(retrotcp_missing_packages "${1:-}")
  [ -z "$missing" ] && return 0
  echo "retrotcp: installing missing Debian packages:" $missing >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "retrotcp: not root and no sudo: install these packages first:" $missing >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  # tshark asks whether non-root users may capture; answer no without a prompt.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | $sudo debconf-set-selections 2>/dev/null || true
  $sudo apt-get update -qq >&2 || { echo "retrotcp: apt-get update failed" >&2; return 1; }
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing >&2 \
    || { echo "retrotcp: apt-get install failed" >&2; return 1; }
}

# Copies the build's output to the log and shows its progress on stderr: the
# percentage CMake prints, the time so far and an estimate of the time left
# (one updating line on a terminal, a line per 10 % otherwise). Silent when there
# is nothing to compile.
retrotcp_build_progress() {
  local log="$1" line pct last=-1 start=$SECONDS shown=0 elapsed left
  while IFS= read -r line; do
    printf '%s\n' "$line" >>"$log"
    [[ $line =~ ^\[\ *([0-9]+)%\]\ (Building|Linking) ]] || continue
    pct=${BASH_REMATCH[1]}
    [ "$pct" -eq "$last" ] && continue
    if [ ! -t 2 ] && [ $((pct / 10)) -eq $((last / 10)) ] && [ "$last" -ge 0 ]; then
      last=$pct; continue
    fi
    last=$pct
    elapsed=$((SECONDS - start))
    left=""
    [ "$pct" -gt 0 ] && [ "$elapsed" -gt 5 ] && left=", about $(( elapsed * (100 - pct) / pct ))s left"
    if [ -t 2 ]; then
      printf '\rretrotcp: building %3d%% (%ss%s)   ' "$pct" "$elapsed" "$left" >&2
    else
      printf 'retrotcp: building %3d%% (%ss%s)\n' "$pct" "$elapsed" "$left" >&2
    fi
    shown=1
  done
  if [ "$shown" -eq 1 ]; then
    [ -t 2 ] && printf '\n' >&2
    echo "retrotcp: built in $((SECONDS - start))s" >&2
  fi
}

retrotcp_build() {
  local target="${1:-all}" log="$RETROTCP_BUILD/build.log"
  mkdir -p "$RETROTCP_BUILD"
  if [ ! -f "$RETROTCP_BUILD/CMakeCache.txt" ]; then
    echo "retrotcp: first build in $RETROTCP_BUILD: configuring with CMake, then compiling" \
         "retrotcp and its ns-3 models (about 3 minutes on 2 cores, more for scripts/test's" \
         "tests; later builds recompile only what changed). Log: $log" >&2
    cmake -S "$RETROTCP_ROOT" -B "$RETROTCP_BUILD" -DCMAKE_BUILD_TYPE=Release >"$log" 2>&1 \
      || { cat "$log" >&2; echo "retrotcp: configure failed" >&2; return 1; }
  else
    : >"$log"
  fi
  local status="$RETROTCP_BUILD/.build-status"
  { cmake --build "$RETROTCP_BUILD" --target "$target" -j"$(nproc)" 2>&1; echo $? >"$status"; } \
    | retrotcp_build_progress "$log"
  if [ "$(cat "$status")" != 0 ]; then
    cat "$log" >&2
    echo "retrotcp: build failed (log: $log)" >&2
    return 1
  fi
}
