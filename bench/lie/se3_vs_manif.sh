#!/usr/bin/env bash
# manif's SE(3) kernels against ours, interleaved: ROUNDS rounds, each running manif's
# bench/lie/manif_se3_bench.cpp and our Se3CpuTimer (bench/lie/lie_bench.sh cpu) on the same ops,
# the side that goes first alternating. Both time each op by the calling thread's CPU time (median
# of 9 runs of 2,000,000 calls after 5 warm-up runs, inputs cycling through 1024 random elements),
# so the machine's load moves both little. Prints per op the median of the round medians, each
# side's spread over the rounds and the ratio ours / manif.
#   MANIF_DIR=/path/to/manif EIGEN_INCLUDE=/path/eigen/usr/include/eigen3 bench/lie/se3_vs_manif.sh [rounds=3] [ops...]
# MANIF_DIR: a checkout of github.com/artivis/manif (header-only: include/ and external/tl/).
# EIGEN_INCLUDE: Eigen 3.4 (apt-get download libeigen3-dev && dpkg -x libeigen3-dev_*.deb eigen).
# CXX and CXXFLAGS override the compiler and flags (default g++ -O3 -march=native -DNDEBUG).
set -euo pipefail
: "${MANIF_DIR:?set MANIF_DIR to a manif checkout (include/, external/tl/)}"
: "${EIGEN_INCLUDE:?set EIGEN_INCLUDE to the Eigen 3.4 include dir}"
cd "$(dirname "$0")/../.."
source bench/lib/common.sh
rounds="${1:-3}"; shift || true
out="${TMPDIR:-/tmp}/tangent-manif-se3-bench"
"${CXX:-g++}" -std=c++17 ${CXXFLAGS:--O3 -march=native -DNDEBUG} -I "$EIGEN_INCLUDE" -I "$MANIF_DIR/include" \
  -I "$MANIF_DIR/external/tl" bench/lie/manif_se3_bench.cpp -o "$out"
machine_line
manif_rev="$(git -C "$MANIF_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "# manif commit $manif_rev, $("${CXX:-g++}" --version | head -1), ${CXXFLAGS:--O3 -march=native -DNDEBUG}"
bench/lie/lie_bench.sh cpu baseline > /dev/null   # builds the Java side once, before the rounds
CP="stdlib/lie/target/test-classes:stdlib/lie/target/classes:$(cat stdlib/lie/target/bench.classpath)"
ours() { java -cp "$CP" dev.tangent.lie.bench.Se3CpuTimer "$@"; }
tmp="$(mktemp -d)"
for ((r = 0; r < rounds; r++)); do
  if (( r % 2 == 0 )); then
    "$out" "$@" > "$tmp/manif.$r"; ours "$@" > "$tmp/ours.$r"
  else
    ours "$@" > "$tmp/ours.$r"; "$out" "$@" > "$tmp/manif.$r"
  fi
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg); thread CPU ns per call, median of $rounds round medians [min-max]"
for side in manif ours; do
  cat "$tmp/$side".* | awk -v s="$side" '$3 == "ns/op" && $1 != "baseline" { print s, $1, $2 }'
done | "$(best_cpython 2>/dev/null)" bench/lib/ratio_table.py manif ours ns
rm -rf "$tmp"
