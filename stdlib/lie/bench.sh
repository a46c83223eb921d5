#!/usr/bin/env bash
# The Lie kernel benchmarks (docs/benchmarks.md, "Lie kernels"). Run from anywhere:
#   stdlib/lie/bench.sh jmh [JMH options]   JMH, wall time (default -f 2 -wi 5 -i 5 -w 1 -r 1)
#   stdlib/lie/bench.sh cpu [ops...]        the same calls timed by thread CPU time
#   stdlib/lie/bench.sh ekf [STEPS [RUNS]]  examples/lie/se2_localization.lie against its Java twin
#   stdlib/lie/bench.sh batch [N [RUNS]]    Y.rminus(X, jac: true) on N SE(3) pairs from a script
#   stdlib/lie/bench.sh script FILE [ARGS]  a .lie script through the embedding API (./tangent run)
# JAVA_OPTS passes JVM options to the ekf, batch and script runs.
# The first build needs the network once (jmh-generator-annprocess); later ones run offline.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o -Pbench -pl stdlib/lie -am test-compile
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
  batch)
    java ${JAVA_OPTS:-} -cp "$CP" dev.tangent.lie.bench.BatchRminus "$@" ;;
  script)
    java ${JAVA_OPTS:-} -cp "$CP" dev.tangent.lie.bench.RunScript "$@" ;;
  *) echo "usage: $0 jmh|cpu|ekf|batch|script [options]" >&2; exit 64 ;;
esac
