# Shared helpers for the scripts under bench/ (source it; the current directory is the
# repository root). Every comparison script prints machine_line first.

# The CPU, cores, load, JVM: the facts every recorded figure names.
machine_line() {
  echo "# machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) (family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs)), $(getconf _NPROCESSORS_ONLN) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# java: $(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC')"
}

# The CPython 3 interpreters on this machine (PATH, Debian's, pyenv's), each once.
python_candidates() {
  local seen=" " p r
  for p in ${BEST_PYTHON_CANDIDATES:-/usr/bin/python3.11 /usr/bin/python3 $(type -a -p python3.11 python3 2>/dev/null)}; do
    # The interpreter itself, not a launcher script such as a pyenv shim.
    r="$("$p" -c 'import os, sys; print(os.path.realpath(sys.executable))' 2>/dev/null)" || continue
    case "$seen" in *" $r "*) continue ;; esac
    seen="$seen$r "
    echo "$p"
  done
}

# The fastest CPython on this machine for interpreted code (a PGO+LTO build such as Debian's
# /usr/bin/python3.11 beats an unoptimised pyenv build by 1.5-2x): each candidate times the same
# short loop, best of 3, and the fastest wins. PYTHON overrides. Prints its path; best_cpython_why
# says how it was chosen.
best_cpython() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  local best="" best_t="" p t
  for p in $(python_candidates); do
    t="$("$p" -c '
import time
def f():
    s = 0
    for i in range(1000000): s += i
best = 1e9
for _ in range(3):
    t0 = time.perf_counter(); f(); best = min(best, time.perf_counter() - t0)
print(f"{best:.4f}")' 2>/dev/null)" || continue
    echo "# python candidate $p ($("$p" --version 2>&1)): 1M-iteration loop in $t s" >&2
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best_t)}"; then best="$p"; best_t="$t"; fi
  done
  [ -n "$best" ] || { echo "bench: no python3 found" >&2; return 1; }
  echo "$best"
}

# The python for numpy baselines: NUMPY_PYTHON, else the best CPython if it has numpy, else any
# candidate that has numpy (numpy's speed is its compiled loops and BLAS, not the interpreter's).
numpy_python() {
  if [ -n "${NUMPY_PYTHON:-}" ]; then echo "$NUMPY_PYTHON"; return; fi
  local p
  p="$(best_cpython 2>/dev/null)"
  if [ -n "$p" ] && "$p" -c 'import numpy' 2>/dev/null; then echo "$p"; return; fi
  for p in $(python_candidates); do
    if "$p" -c 'import numpy' 2>/dev/null; then echo "$p"; return; fi
  done
  echo "bench: no python3 with numpy (set NUMPY_PYTHON)" >&2
  return 1
}

# The JVM options of the default launcher (./tangent), read from it so that the two stay equal.
launcher_jvm_opts() {
  sed -n 's/^gc=(\(.*\))$/\1/p' tangent
}

# Maven for the harnesses: offline, quiet; BENCH_MVN_OPTS adds options (e.g. a local repository).
bench_mvn() {
  # shellcheck disable=SC2086
  mvn -q -o ${BENCH_MVN_OPTS:-} "$@"
}
