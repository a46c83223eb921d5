#!/usr/bin/env bash
# The one entry point for the benchmark table of issue 15: each row runs its comparison (both
# sides interleaved in one run) and prints medians and ratios. Rows are shell functions named
# row_NAME below; to add one, write a function and add NAME to ROWS (or ALL_ROWS for rows that
# need something outside the project, e.g. a reference checkout).
#   bench/run.sh                 the issue-15 table (rows in ROWS)
#   bench/run.sh tensor se3      chosen rows
#   bench/run.sh --list          every row and what it needs
# Environment: BENCH_MVN_OPTS (extra Maven options, e.g. -Dmaven.repo.local=...), PYTHON (the
# CPython for interpreter rows; default: the fastest found, see bench/lib/common.sh),
# NUMPY_PYTHON, MANIF_DIR + EIGEN_INCLUDE (se3 row), ROUNDS (default per row).
# The launcher must be built (mvn -q -DskipTests install) for rows that run ./tangent.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh

ROWS=(blas tensor chain_one_core se3 interpreter ekf batch_rminus startup)

# matmul f32 2048^2 and eigh f64 1024^2 on one BLAS thread each, by the calling thread's CPU
# time: the kernels' own cost, whatever the machine's load.
row_blas() {
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 BENCH_CLOCK=thread \
    bench/tensor/tensor_vs_numpy.sh "${ROUNDS:-11}" matmul_f32_2048 eigh_f64_1024
}

# matmul, eigh and the f32 chain exp(x) * 2 + sin(x) on 10M elements, wall time, each side with
# its default threads (numpy's OpenBLAS: one per core; numpy's ufuncs: one; Tangent: one per core).
row_tensor() { bench/tensor/tensor_vs_numpy.sh "${ROUNDS:-9}"; }

# the f32 chain with both sides pinned to one CPU (numpy's ufuncs use one thread, Tangent's fused
# kernels one per core: pinned, both get the same CPU time).
row_chain_one_core() { BENCH_CPUS=0 bench/tensor/tensor_vs_numpy.sh "${ROUNDS:-11}" chain_f32_10M; }

# every SE(3) kernel against manif, thread CPU time.
row_se3() {
  if [ -z "${MANIF_DIR:-}" ] || [ -z "${EIGEN_INCLUDE:-}" ]; then
    echo "se3: skipped (set MANIF_DIR to a manif checkout and EIGEN_INCLUDE to Eigen 3.4's headers)"
    return 0
  fi
  bench/lie/se3_vs_manif.sh "${ROUNDS:-3}"
}

# fib(32), the top-level loop and the loop in a function against the best CPython on the machine.
row_interpreter() {
  local py
  py="$(best_cpython)"
  echo "# CPython: $py ($("$py" --version 2>&1))"
  PYTHON="$py" bench/interpreter_vs_cpython.sh "${ROUNDS:-5}"
}

# the SE(2) EKF script against its Java twin, each a fresh JVM (process wall time).
row_ekf() { bench/lie/lie_bench.sh ekf-cold 100000 "${ROUNDS:-5}"; }

# batched Y.rminus(X, jac: true) on 1M SE(3) pairs from a script.
row_batch_rminus() { bench/lie/lie_bench.sh batch 1000000 "${ROUNDS:-5}"; }

# start-up of ./tangent against a Java hello world and a bare JLine REPL.
row_startup() { bench/startup.sh "${ROUNDS:-11}"; }

# Rows outside the issue-15 table (bench/run.sh NAME runs them).

# Tensor <-> DTensor conversions of a 256^3 f32 volume (ND4J <-> DJL).
row_tensor_bridge() { bench/tensor/tensor_bridge.sh "${ROUNDS:-9}"; }

# a Fashion-MNIST MLP epoch, Tangent on DJL against PyTorch (needs torch).
row_nn_fashion_mlp() { bench/nn/fashion_mlp.sh; }

# the DRDM network against the authors' PyTorch code (see the script for what it needs).
row_drdm() { bench/drdm/drdm_vs_torch.sh; }

ALL_ROWS=("${ROWS[@]}" tensor_bridge nn_fashion_mlp drdm)

if [ "${1:-}" = --list ]; then
  for r in "${ALL_ROWS[@]}"; do
    printf '%-16s ' "$r"
    # the first line of the comment block above the row's function
    awk -v f="row_$r()" '/^#/ { if (!inblock) first = $0; inblock = 1; next } index($0, f) == 1 { print substr(first, 3); exit } { inblock = 0 }' "$0"
  done
  exit 0
fi
[ $# -gt 0 ] && rows=("$@") || rows=("${ROWS[@]}")
machine_line
status=0
for r in "${rows[@]}"; do
  if ! declare -F "row_$r" >/dev/null; then echo "bench/run.sh: no row '$r' (bench/run.sh --list)" >&2; exit 64; fi
  echo
  echo "== $r"
  "row_$r" || { echo "== $r: failed (exit $?)"; status=1; }
done
exit $status
