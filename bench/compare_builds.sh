#!/usr/bin/env bash
# Two builds of Tangent side by side: the interpreter benchmarks (fib, loop, loop_fn; the seconds
# each script prints) and the start-up of `./tangent -e '1 + 2'`, alternating A and B in every
# round, medians and every value printed. Both trees must be installed (mvn -DskipTests install),
# so that each launcher has its start-up archive.
#   bench/compare_builds.sh A_TREE B_TREE [ROUNDS]
set -euo pipefail
A=${1:?first build tree}; B=${2:?second build tree}; runs=${3:-7}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
here=$(cd "$(dirname "$0")" && pwd)
for b in fib loop loop_fn; do
  VA=(); VB=()
  for i in $(seq "$runs"); do
    VA+=($(cd "$A" && ./tangent run "$here/$b.lie" | sed -n 's/.* in \([0-9.]*\) s$/\1/p'))
    VB+=($(cd "$B" && ./tangent run "$here/$b.lie" | sed -n 's/.* in \([0-9.]*\) s$/\1/p'))
  done
  a=$(printf '%s\n' "${VA[@]}" | median); bm=$(printf '%s\n' "${VB[@]}" | median)
  echo "$b  A $a s  B $bm s  B/A $(echo "$bm / $a" | bc -l | cut -c1-5)   [A: ${VA[*]}] [B: ${VB[*]}]"
done
SA=(); SB=()
for i in $(seq "$runs"); do
  t0=$(date +%s%N); (cd "$A" && ./tangent -e '1 + 2' >/dev/null); t1=$(date +%s%N)
  (cd "$B" && ./tangent -e '1 + 2' >/dev/null); t2=$(date +%s%N)
  SA+=($(( (t1 - t0) / 1000000 ))); SB+=($(( (t2 - t1) / 1000000 )))
done
echo "start-up -e '1 + 2'  A $(printf '%s\n' "${SA[@]}" | median) ms  B $(printf '%s\n' "${SB[@]}" | median) ms   [A: ${SA[*]}] [B: ${SB[*]}]"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
