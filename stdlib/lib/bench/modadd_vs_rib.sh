#!/usr/bin/env bash
# The full mod-add LIB build, Tangent against the authors' rib code, side by side on this machine.
#
# Usage (from the repository root, after `mvn -q -DskipTests install`):
#   RIB_DIR=/path/to/rib ROUNDS=3 THREADS=2 stdlib/lib/bench/modadd_vs_rib.sh [CONFIG...]
# CONFIG is DATA:BATCH:BASIS with DATA all (12769 pairs) or train (rib's 3830-pair split), BASIS
# jacobian (LIB) or pca; default: all:1000:jacobian train:99999:jacobian all:1000:pca train:99999:pca.
#
# rib is ApolloResearch/rib (a checkout at RIB_DIR, e.g. from `git clone`), run by rib_modadd.py
# with PyTorch on THREADS threads; Tangent's lib.build runs with threads: THREADS. Each run is a
# fresh process; the sides alternate; the script prints every run (build seconds as each side
# measures it, process CPU seconds and peak resident memory) and the medians and ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
: "${RIB_DIR:?set RIB_DIR to a checkout of github.com/ApolloResearch/rib}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-2}"
configs=("$@")
[ ${#configs[@]} -eq 0 ] && configs=(all:1000:jacobian train:99999:jacobian all:1000:pca train:99999:pca)
bench="$root/stdlib/lib/bench"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PyTorch $(python3 -c 'import torch; print(torch.__version__)'), $(java -version 2>&1 | head -1)"
for cfg in "${configs[@]}"; do
  IFS=: read -r data batch basis <<<"$cfg"
  ribbasis=$([ "$basis" = pca ] && echo svd || echo jacobian)
  : >"$tmp/rib" ; : >"$tmp/tg"
  for r in $(seq "$ROUNDS"); do
    OMP_NUM_THREADS="$THREADS" PYTHONPATH="$bench/rib_shims:$RIB_DIR" /usr/bin/time -f "TIME %e %U %S %M" \
      python3 "$bench/rib_modadd.py" "$RIB_DIR" "$data" "$batch" "$ribbasis" "$THREADS" >"$tmp/out" 2>&1 || { cat "$tmp/out"; exit 1; }
    line=$(grep '^rib ' "$tmp/out"); t=$(grep '^TIME' "$tmp/out")
    echo "  $line  [process: cpu $(echo "$t" | awk '{print $3 + $4}') s, peak $(echo "$t" | awk '{printf "%.0f", $5 / 1024}') MB]"
    echo "$(echo "$line" | sed 's/.*: \([0-9.]*\) s,.*/\1/') $(echo "$t" | awk '{print $3 + $4, $5 / 1024}')" >>"$tmp/rib"
    /usr/bin/time -f "TIME %e %U %S %M" ./tangent run "$bench/modadd_build.lie" "$data" "$batch" "$basis" "$THREADS" >"$tmp/out" 2>&1 || { cat "$tmp/out"; exit 1; }
    line=$(grep '^tangent ' "$tmp/out"); t=$(grep '^TIME' "$tmp/out")
    echo "  $line  [process: cpu $(echo "$t" | awk '{print $3 + $4}') s, peak $(echo "$t" | awk '{printf "%.0f", $5 / 1024}') MB]"
    echo "$(echo "$line" | sed 's/.*: \([0-9.]*\) s,.*/\1/') $(echo "$t" | awk '{print $3 + $4, $5 / 1024}')" >>"$tmp/tg"
  done
  rs=$(cut -d' ' -f1 "$tmp/rib" | median); rc=$(cut -d' ' -f2 "$tmp/rib" | median); rm_=$(cut -d' ' -f3 "$tmp/rib" | median)
  ts=$(cut -d' ' -f1 "$tmp/tg" | median); tc=$(cut -d' ' -f2 "$tmp/tg" | median); tm=$(cut -d' ' -f3 "$tmp/tg" | median)
  printf '%s: medians of %s runs: rib %.1f s (cpu %.1f s, %.0f MB), Tangent %.1f s (cpu %.1f s, %.0f MB); ratio Tangent/rib: time %.3f, cpu %.3f, memory %.2f\n' \
    "$cfg" "$ROUNDS" "$rs" "$rc" "$rm_" "$ts" "$tc" "$tm" "$(echo "$ts / $rs" | bc -l)" "$(echo "$tc / $rc" | bc -l)" "$(echo "$tm / $rm_" | bc -l)"
done
