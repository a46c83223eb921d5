#!/usr/bin/env bash
# One DRDM training step (2-D, forward with 2 passes, loss, backward, Adam), Tangent on DJL against
# the authors' PyTorch code on the same CPU with the same thread count, in one run.
#   bench/drdm/train_step.sh REF_REPO PYTHON [THREADS] [SIZE] [BATCH] [STEPS] [CONVS]
# CONVS: "onednn" (default: each side as it starts, i.e. Tangent with oneDNN limited to SSE4.1 on
# AMD family 1Ah, see nn's Djl) or "native" (oneDNN off on both sides: libtorch's own convolutions).
# REF_REPO: a checkout of github.com/jianqingzheng/def_diff_rec (outside the project tree);
# PYTHON: a python with torch and numpy. Build first: mvn -DskipTests install, then
# mvn -pl stdlib/drdm test-compile (the bench class lives in the test sources).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
cd stdlib/drdm   # the class path and the bench class are the module's
REF=$1 PY=$2 THREADS=${3:-2} SIZE=${4:-128} BATCH=${5:-4} STEPS=${6:-10} CONVS=${7:-onednn}
MKLDNN=on
[ "$CONVS" = native ] && MKLDNN=off
MVN=${MVN:-mvn -B -o -q}
CP_FILE=target/bench-classpath.txt
$MVN dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="target/test-classes:target/classes:$(cat "$CP_FILE")"
lscpu | grep -E "Model name|^CPU\(s\)" | tr -s ' '
for i in 1 2; do
  OMP_NUM_THREADS=$THREADS "$PY" "$root/bench/drdm/train_step_torch.py" "$REF" "$THREADS" "$SIZE" "$BATCH" "$STEPS" "$CONVS" 2>/dev/null
  java -Xss16m -Ddrdm.probe.mkldnn=$MKLDNN -Dai.djl.pytorch.num_threads="$THREADS" -cp "$CP" dev.tangent.drdm.net.TrainStepBench "$SIZE" "$BATCH" "$STEPS" 2>/dev/null
done
