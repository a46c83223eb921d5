#!/usr/bin/env bash
# Runs the Lie kernel JMH benchmarks from stdlib/lie/target/benchlib (built as docs/benchmarks.md says).
# Usage: stdlib/lie/bench.sh [results.json] [JMH options; default -f 2 -wi 5 -i 5 -w 1 -r 1]
set -euo pipefail
B="$(dirname "$0")/target/benchlib"
OUT="${1:-lie-bench.json}"
shift || true
if [ $# -eq 0 ]; then set -- -f 2 -wi 5 -i 5 -w 1 -r 1; fi
java -version 2>&1 | head -1
java -cp "$B/bench-classes:$B/classes:$B/jars/*" org.openjdk.jmh.Main Se3KernelBench -rf json -rff "$OUT" "$@"
