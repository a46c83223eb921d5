#!/usr/bin/env bash
# Scaling of lib.build with samples (mod-add, N pairs) and with width (random MLP 64-W-W-10).
# Usage from the repository root: stdlib/lib/bench/scaling.sh
# Each point is a fresh process; prints the build's seconds (data passes and solving apart) and
# the process's peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/../../.."
run() { /usr/bin/time -f "TIME %e %U %S %M" ./tangent run stdlib/lib/bench/scaling.lie "$@" >/tmp/scaling.out 2>&1 || { cat /tmp/scaling.out; exit 1; }
  echo "$(grep -v '^TIME' /tmp/scaling.out | tail -1)  [cpu $(awk '/^TIME/ {print $3 + $4}' /tmp/scaling.out) s, peak $(awk '/^TIME/ {printf "%.0f", $5 / 1024}' /tmp/scaling.out) MB]"; }
for n in 1600 3200 6400 12769; do run modadd "$n"; done
for w in 128 256 512 1024; do run mlp "$w" 4000; done
