#!/usr/bin/env bash
# manif's SE(3) kernels next to ours, back to back on this machine (docs/benchmarks.md, "Lie kernels").
#   MANIF_INCLUDE=/path/manif/include:/path/manif/external/lt \
#   EIGEN_INCLUDE=/path/eigen/usr/include/eigen3 bench/manif/run.sh [ops...]
# MANIF_INCLUDE is a ':'-separated list (manif's include/ and the directory holding lt/optional.hpp);
# EIGEN_INCLUDE is Eigen 3.4's include directory (apt-get download libeigen3-dev; dpkg -x ... eigen).
# Compiles se3_bench.cpp with g++ -O3 -march=native, runs it, then stdlib/lie/bench.sh cpu (both
# report thread-CPU ns/op, median of 9 runs). CXX and CXXFLAGS override the compiler and flags.
set -euo pipefail
: "${MANIF_INCLUDE:?set MANIF_INCLUDE to manif's include dir(s), ':'-separated}"
: "${EIGEN_INCLUDE:?set EIGEN_INCLUDE to Eigen 3.4's include dir}"
cd "$(dirname "$0")/../.."
out="${TMPDIR:-/tmp}/tangent-manif-se3-bench"
incs=(-I "$EIGEN_INCLUDE")
IFS=: read -ra dirs <<< "$MANIF_INCLUDE"
for d in "${dirs[@]}"; do incs+=(-I "$d"); done
"${CXX:-g++}" -std=c++17 ${CXXFLAGS:--O3 -march=native -DNDEBUG} "${incs[@]}" \
  bench/manif/se3_bench.cpp -o "$out"
"${CXX:-g++}" --version | head -1
echo "load: $(cat /proc/loadavg)"
echo "--- manif (C++)"
"$out" "$@"
echo "load: $(cat /proc/loadavg)"
echo "--- ours (Java)"
stdlib/lie/bench.sh cpu "$@"
echo "load: $(cat /proc/loadavg)"
