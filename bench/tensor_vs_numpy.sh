#!/usr/bin/env bash
# Tangent tensors vs numpy on the same machine, in one invocation: f32 matmul 2048^2, f64 eigh
# 1024^2 and exp(x) * 2 + sin(x) on 10M f32. Prints each side's median seconds and the ratio,
# for the default JVM and for one with --add-modules jdk.incubator.vector (SIMD f32 kernels).
# Usage: bench/tensor_vs_numpy.sh [runs]   (needs python3 + numpy; builds stdlib/tensor offline)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-7}"
mkdir -p target
# One reactor run compiles and writes the class path (our modules resolve to their target folders).
mvn -q -o -pl stdlib/tensor -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/target/tensor-bench.cp" >/dev/null
CP="stdlib/tensor/target/classes:stdlib/tensor/target/test-classes:$(cat target/tensor-bench.cp)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>}  numpy $(python3 -c 'import numpy; print(numpy.__version__)')  $(java -version 2>&1 | head -1)"
python3 bench/tensor_numpy.py "$RUNS" > target/bench-numpy.txt
java -cp "$CP" dev.tangent.tensor.TensorBench "$RUNS" 2>/dev/null | tee target/bench-tangent-raw.txt | grep -v '^devices' > target/bench-tangent.txt
# The same with the JDK's Vector API (SIMD f32 kernels); the JVM warns that the module incubates.
java --add-modules jdk.incubator.vector -cp "$CP" dev.tangent.tensor.TensorBench "$RUNS" 2>/dev/null | grep -v '^devices' > target/bench-tangent-simd.txt
grep '^devices' target/bench-tangent-raw.txt || true
printf "%-18s %9s %10s %7s %15s %7s\n" workload numpy_s tangent_s ratio tangent_simd_s ratio
join target/bench-numpy.txt target/bench-tangent.txt | join - target/bench-tangent-simd.txt \
  | awk '{ printf "%-18s %9.4f %10.4f %6.2fx %15.4f %6.2fx\n", $1, $2, $3, $3 / $2, $4, $4 / $2 }'
