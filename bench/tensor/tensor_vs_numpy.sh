#!/usr/bin/env bash
# Tangent tensors vs numpy, interleaved call by call in one run (bench/lib/interleave.py): f32
# matmul 2048^2, f64 eigh 1024^2 and exp(x) * 2 + sin(x) on 10M f32. Prints each side's median
# wall seconds and spread, and the ratio Tangent / numpy.
# The Java side runs with the JVM options of the default launcher (./tangent): no Vector API.
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset for both sides, so that each chooses its own
# kernel set (numpy's OpenBLAS by its own CPU detection, Tangent by tensor.blas.KernelSets); the
# '#' lines say which each runs.
# BENCH_CPUS=LIST pins both sides to those CPUs (taskset -c), for equal resources when the two
# sides use different thread counts (numpy's ufuncs one, Tangent's fused kernels one per core).
# Usage: bench/tensor/tensor_vs_numpy.sh [rounds=9] [workload...]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/common.sh
ROUNDS="${1:-9}"; shift || true
WORKLOADS=("$@"); [ ${#WORKLOADS[@]} -gt 0 ] || WORKLOADS=(matmul_f32_2048 eigh_f64_1024 chain_f32_10M)
PY="$(numpy_python)"
mkdir -p target
# One reactor run compiles and writes the class path (our modules resolve to their target folders).
bench_mvn -pl stdlib/tensor -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/target/tensor-bench.cp" >/dev/null
CP="stdlib/tensor/target/classes:stdlib/tensor/target/test-classes:$(cat target/tensor-bench.cp)"
machine_line
pin=""
if [ -n "${BENCH_CPUS:-}" ]; then pin="taskset -c $BENCH_CPUS"; echo "# both sides pinned to CPUs $BENCH_CPUS"; fi
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" bench/lib/interleave.py --rounds "$ROUNDS" \
  --a numpy "$pin $PY bench/tensor/numpy_side.py" \
  --b tangent "$pin java $(launcher_jvm_opts) -cp $CP dev.tangent.tensor.TensorBench 2>/dev/null" \
  "${WORKLOADS[@]}"
