#!/usr/bin/env bash
# The Lie kernel benchmarks (docs/benchmarks.md, "Lie kernels"). Run from anywhere:
#   bench/lie/lie_bench.sh jmh [JMH options]   JMH, wall time (default -f 2 -wi 5 -i 5 -w 1 -r 1)
#   bench/lie/lie_bench.sh cpu [ops...]        the same calls timed by thread CPU time
#   bench/lie/lie_bench.sh ekf [STEPS [RUNS]]  examples/lie/se2_localization.lie against its Java twin
#   bench/lie/lie_bench.sh ekf-cold [STEPS [RUNS]]  the same, each a fresh JVM: ./tangent run against
#                                           `java Se2EkfTwin` (build the launcher first: mvn -q -DskipTests install)
#   bench/lie/lie_bench.sh batch [N [RUNS]]    Y.rminus(X, jac: true) on N SE(3) pairs from a script
#   bench/lie/lie_bench.sh script FILE [ARGS]  a .lie script through the embedding API (./tangent run)
# JAVA_OPTS passes JVM options to the ekf, batch and script runs.
# The first build needs the network once (jmh-generator-annprocess); later ones run offline.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/common.sh
bench_mvn -Pbench -pl stdlib/lie -am test-compile
CP="stdlib/lie/target/test-classes:stdlib/lie/target/classes:$(cat stdlib/lie/target/bench.classpath)"
mode="${1:-jmh}"
shift || true
java -version 2>&1 | head -1
case "$mode" in
  jmh)
    if [ $# -eq 0 ]; then set -- -f 2 -wi 5 -i 5 -w 1 -r 1; fi
    java -cp "$CP" org.openjdk.jmh.Main Se3KernelBench "$@" ;;
  cpu)
    java -cp "$CP" dev.tangent.lie.bench.Se3CpuTimer "$@" ;;
  ekf)
    java ${JAVA_OPTS:-} -cp "$CP" dev.tangent.lie.bench.EkfOverhead "$@" ;;
  ekf-cold)
    steps="${1:-100000}"; runs="${2:-5}"
    tw=(); sc=()
    for ((r = 0; r < runs; r++)); do   # alternated, so that both sides meet the same load
      t0=$(date +%s%N); ./tangent run examples/lie/se2_localization.lie "${TMPDIR:-/tmp}" "$steps" > /dev/null; t1=$(date +%s%N)
      java -XX:+UseG1GC -XX:InitialRAMPercentage=5 -Xmn128m -cp "$CP" dev.tangent.lie.bench.Se2EkfTwin "$steps" > /dev/null; t2=$(date +%s%N)
      sc+=($(( (t1 - t0) / 1000000 ))); tw+=($(( (t2 - t1) / 1000000 )))
    done
    med() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
    ms=$(med "${sc[@]}"); mt=$(med "${tw[@]}")
    echo "$steps steps, $runs fresh JVMs each (wall ms): ./tangent run ${sc[*]}; java twin (same JVM options) ${tw[*]}"
    awk -v s="$ms" -v t="$mt" 'BEGIN { printf "median: script %d ms, twin %d ms, ratio %.1f\n", s, t, s / t }' ;;
  batch)
    java ${JAVA_OPTS:-} -cp "$CP" dev.tangent.lie.bench.BatchRminus "$@" ;;
  script)
    java ${JAVA_OPTS:-} -cp "$CP" dev.tangent.lie.bench.RunScript "$@" ;;
  *) echo "usage: $0 jmh|cpu|ekf|ekf-cold|batch|script [options]" >&2; exit 64 ;;
esac
