#!/usr/bin/env bash
# Tensor <-> DTensor conversions of a 256^3 f32 volume: DJL's own element-wise copies against
# nn.value.TensorBridge's bulk copies and shared memory (docs/benchmarks.md, "One tensor story").
# Usage: bench/tensor/tensor_bridge.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p target
mvn -q -o -pl stdlib/nn -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/bridge-bench.cp" ${MVN_ARGS:-} >/dev/null
CP="stdlib/nn/target/test-classes:stdlib/nn/target/classes:$(cat target/bridge-bench.cp)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -cp "$CP" dev.tangent.nn.BridgeBench "${1:-9}" 2>/dev/null
