#!/usr/bin/env bash
# Interpreter speed, Tangent against CPython on the same machine in the same run.
# Each program times only its own work with the language's clock (JVM and Python start-up
# excluded) and prints "... in S s". We take the median of N runs per language and print
# the ratio Tangent / CPython (the target is at most 0.5). loop runs at top level (globals in
# both languages); loop_fn runs inside a function, the faster form for both.
#   usage: bench/interpreter_vs_cpython.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
python=${PYTHON:-python3}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
seconds() { sed -n 's/.* in \([0-9.]*\) s$/\1/p'; }

printf "%-10s %12s %12s %8s\n" benchmark "tangent (s)" "cpython (s)" ratio
for b in fib loop loop_fn; do
  t=$(for i in $(seq "$runs"); do ./tangent run "bench/$b.lie" | seconds; done | median)
  p=$(for i in $(seq "$runs"); do "$python" "bench/$b.py" | seconds; done | median)
  printf "%-10s %12.3f %12.3f %8.2f\n" "$b" "$t" "$p" "$(echo "$t / $p" | bc -l)"
done
echo "($(nproc) cores; $("$python" --version 2>&1); $(java -version 2>&1 | head -1); medians of $runs runs)"
