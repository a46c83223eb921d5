#!/usr/bin/env bash
# Runs the Lie kernel JMH benchmarks from a prepared stdlib/lie/target/benchlib (see docs/benchmarks.md).
# Usage: stdlib/lie/bench.sh [output.json] [extra JMH options]
set -euo pipefail
B="$(dirname "$0")/target/benchlib"
JAVA="${JAVA:-java}"
if ! command -v "$JAVA" >/dev/null 2>&1; then JAVA="$B/jre/bin/java"; fi
OUT="${1:-lie-bench.json}"
shift || true
"$JAVA" -version 2>&1 | head -1
"$JAVA" -cp "$B/bench-classes:$B/classes:$B/jars/*" org.openjdk.jmh.Main Se3KernelBench \
  -f 2 -wi 5 -i 5 -w 1 -r 1 -rf json -rff "$OUT" "$@"
