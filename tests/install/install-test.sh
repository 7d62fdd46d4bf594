#!/usr/bin/env bash
# The installed package as an ns-3 user meets it (tests/install/CMakeLists.txt).
#   install-test.sh install   BUILD PREFIX LIBDIR   cmake --install into PREFIX, check the layout
#   install-test.sh cmake     SOURCE PREFIX WORK    find_package(retrotcp), build, run
#   install-test.sh pkgconfig SOURCE PREFIX WORK LIBDIR   each module header alone, then the
#                                                         program with pkg-config --cflags --libs retrotcp
set -euo pipefail
mode=$1
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
check_output() {
  "${RETROTCP_PYTHON:-python3}" "$here/../../cmake/check-output.py" "$here/consumer/refused-connect.out" "$@"
}
case "$mode" in
  install)
    build=$2 prefix=$3 libdir=$4
    rm -rf "$prefix"
    cmake --install "$build" --prefix "$prefix" >/dev/null
    for f in include/ns3/legacy-tcp-stack-helper.h include/ns3/legacy-tcp-module.h \
             include/ns3/connector-helper.h include/ns3/lanman-module.h \
             "$libdir/cmake/retrotcp/retrotcpConfig.cmake" "$libdir/pkgconfig/retrotcp.pc" \
             "$libdir/pkgconfig/retrotcp-legacy-tcp.pc" bin/retrotcp; do
      [ -e "$prefix/$f" ] || { echo "not installed: $f"; exit 1; }
    done
    ls "$prefix/$libdir"/libretrotcp-legacy-tcp.so.* >/dev/null
    # The installed command finds its libraries.
    "$prefix/bin/retrotcp" --version
    ;;
  cmake)
    source=$2 prefix=$3 work=$4
    rm -rf "$work"
    cmake -S "$source" -B "$work" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
      >"$work.log" 2>&1 || { cat "$work.log"; exit 1; }
    cmake --build "$work" -j2 >>"$work.log" 2>&1 || { cat "$work.log"; exit 1; }
    check_output "$work/refused-connect"
    ;;
  pkgconfig)
    source=$2 prefix=$3 work=$4 libdir=$5
    rm -rf "$work" && mkdir -p "$work"
    export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
    # Every installed module header compiles on its own (no header of the build
    # tree, the tests or the command is needed).
    for header in "$prefix"/include/ns3/*-module.h; do
      # shellcheck disable=SC2046
      echo "#include \"ns3/$(basename "$header")\"" |
        g++ -std=c++17 -fsyntax-only -x c++ - $(pkg-config --cflags retrotcp) ||
        { echo "does not compile alone: ns3/$(basename "$header")"; exit 1; }
    done
    # shellcheck disable=SC2046
    g++ -std=c++17 -O1 "$source/refused-connect.cc" -o "$work/refused-connect" \
      $(pkg-config --cflags --libs retrotcp) -Wl,-rpath,"$prefix/$libdir"
    check_output "$work/refused-connect"
    ;;
  *) echo "usage: see the head of $0" >&2; exit 2 ;;
esac
