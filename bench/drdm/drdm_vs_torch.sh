#!/usr/bin/env bash
# Side by side: drdm's fields and sampler (Java, DrdmBench) against PyTorch (grid_sample) and the
# authors' DeformDDPM (bench/drdm/drdm_bench.py), in one run, alternating ROUNDS times; prints each
# side's lines and the ratio Tangent / PyTorch of the median wall and CPU times of the last round.
#   bench/drdm/drdm_vs_torch.sh /path/to/def_diff_rec [runs] [rounds] [all|sampler|warp]
# Then, in fresh processes, the peak resident memory of one 256^3 warp on each side.
# Needs: mvn -o -q -pl stdlib/drdm -am install -DskipTests && mvn -o -q -pl stdlib/drdm test-compile
# (so that repl/target/classpath.txt lists the jars), python3 with torch and numpy.
set -euo pipefail
J=$(mktemp); P=$(mktemp); trap 'rm -f "$J" "$P"' EXIT
cd "$(dirname "$0")/../.."
REPO=${1:?path to a def_diff_rec checkout}
RUNS=${2:-5}
ROUNDS=${3:-2}
WHAT=${4:-all}
CP="$(cat repl/target/classpath.txt):stdlib/drdm/target/classes:stdlib/drdm/target/test-classes"
lscpu | grep -E "Model name|^CPU\(s\)" | sed 's/^/# /'
uptime | sed 's/^/# /'
for r in $(seq "$ROUNDS"); do
  java -Xmx6g -cp "$CP" dev.tangent.drdm.bench.DrdmBench "$RUNS" "$WHAT" | tee "$J"
  python3 bench/drdm/drdm_bench.py "$REPO" "$RUNS" "$WHAT" 2>/dev/null | tee "$P"
done
java -Xmx6g -cp "$CP" dev.tangent.drdm.bench.DrdmBench 1 mem | tee -a "$J"
python3 bench/drdm/drdm_bench.py "$REPO" 1 mem 2>/dev/null | tee -a "$P"
echo "# ratio Tangent / PyTorch (wall, cpu), last round"
join <(grep -v '^#' "$J" | sort) <(grep -v '^#' "$P" | sort) \
  | awk '{ if ($1 ~ /_mb$/) printf "%s %s MB / %s MB = %.2fx\n", $1, $2, $5, $2 / $5; else printf "%s wall %.3f / %.3f = %.2fx  cpu %.3f / %.3f = %.2fx\n", $1, $2, $5, $2 / $5, $3, $6, $3 / $6 }'
