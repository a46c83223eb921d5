#!/usr/bin/env bash
# Side-by-side nn benchmark: one epoch of an MLP 784-100-100-10 on Fashion-MNIST (batch 128, Adam)
# with Tangent's nn.train() and with PyTorch's own Python loop, on the same CPU, same thread count.
# Prints both medians and the ratios Tangent / PyTorch, for the wall clock and for the CPU time of
# the training thread (steadier when other processes share the cores).
#
#   bench/nn/fashion_mlp.sh            # THREADS=1 by default (see docs/benchmarks.md)
#   THREADS=2 ROUNDS=3 bench/nn/fashion_mlp.sh
#
# Needs: the Debian package dataset-fashion-mnist, and PyTorch for python3 (pip install torch);
# PyTorch is used only here, never by the project.
set -euo pipefail
cd "$(dirname "$0")/../.."
THREADS="${THREADS:-1}"
mvn -q -o -pl stdlib/nn -am test-compile
mvn -q -o -pl stdlib/nn dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/stdlib/nn/target/bench.cp" >/dev/null
# Our own modules from their build folders (never the shared ~/.m2 copies), third-party jars from Maven.
CP="stdlib/nn/target/test-classes:stdlib/nn/target/classes:stdlib/io/target/classes:stdlib/core/target/classes:interpreter/target/classes:grammar/target/classes"
CP="$CP:$(tr ':' '\n' < stdlib/nn/target/bench.cp | grep -v '/dev/tangent/' | paste -sd:)"
tangent() {
  java -Dai.djl.pytorch.num_threads="$THREADS" -cp "$CP" dev.tangent.nn.RunScript bench/nn/fashion_mlp.tg 2>/dev/null | tail -1
}
torch_loop() {
  OMP_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS" python3 bench/nn/fashion_mlp_torch.py 3 "$THREADS" 2>/dev/null | tail -1
}
echo "threads: $THREADS"
ROUNDS="${ROUNDS:-2}"
results=""
for round in $(seq "$ROUNDS"); do
  t=$(torch_loop); echo "pytorch (python loop): wall cpu = $t s"
  g=$(tangent); echo "tangent (nn.train):    wall cpu = $g s"
  results="$results$t $g
"
done
# Each line: torch_wall torch_cpu tangent_wall tangent_cpu. Ratios of the medians over rounds.
printf '%s' "$results" | python3 -c "
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
tw, tc, gw, gc = (statistics.median(r[i] for r in rows) for i in range(4))
print(f'pytorch {tw:.3f} s wall, {tc:.3f} s cpu | tangent {gw:.3f} s wall, {gc:.3f} s cpu')
print(f'ratio tangent/pytorch: wall {gw / tw:.2f}, cpu {gc / tc:.2f}')"
