#!/usr/bin/env bash
# Interpreter speed: Tangent against the fastest CPython 3.11 on this machine, in the same run.
#
# The programs are bench/{fib,loop,loop_fn}.{lie,py}, written the same way in both languages:
# naive fib(32), a top-level loop summing the integers below ten million (global variables in
# both), and the same loop inside a function (locals). Each prints "... in S s", timed with its
# own clock around the work only (start-up excluded): that is the in-process time.
#
# Which CPython: every python3.11 found (PATH, /usr/bin, /usr/local/bin, pyenv) is timed on a
# short fib, and the fastest is used (Debian's /usr/bin/python3.11 is built with PGO and LTO; a
# pyenv build usually is not). PYTHON=/path/to/python3.11 skips the search. The script says which
# it used and what each candidate took.
#
# Each round runs every program once per language, alternating which language goes first, so
# both sides see the same machine, and once more per language with nothing to do (n = 0: start-up,
# parsing, the empty loop). Per program it prints medians (and min-max) of:
#   in-process   the program's own clock (wall)           target: Tangent <= 0.3 x CPython
#   work CPU     the in-process cost as CPU time: for CPython time.process_time() around the work
#                (printed by the .py program); for Tangent the process CPU time around compiling
#                and running the script in a fresh JVM with the launcher's options
#                (bench/InProcessCpu.java), so the JVM's compiler and GC threads count, minus the
#                median of the same with n = 0 (the first parse and run in a fresh JVM cost some
#                0.2-0.4 s of CPU that the script's own clock does not see). On a loaded machine
#                wall times are mostly waiting for a core; CPU times are not (they still grow
#                with contention for caches and cores).
#   process      wall time of the whole command           target: Tangent <= 1.0 x CPython
#   process CPU  user + system time of the whole command
# and, per side, the process CPU of the command with nothing to do (n = 0): start-up and parsing.
#
#   usage: bench/interpreter_vs_cpython.sh [rounds=7]
# Build first, at the repository root: mvn -q -DskipTests package
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${1:-7}"
[ -f repl/target/classpath.txt ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 64; }

candidates=()
if [ -n "${PYTHON:-}" ]; then
  candidates=("$PYTHON")
else
  for p in $(command -v -a python3.11 2>/dev/null) /usr/bin/python3.11 /usr/local/bin/python3.11 \
           "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.11*/bin/python3.11; do
    [ -x "$p" ] && candidates+=("$(readlink -f "$p")")
  done
fi
[ ${#candidates[@]} -gt 0 ] || { echo "no python3.11 found (set PYTHON=...)" >&2; exit 69; }

# The work-CPU harness, compiled against this build (the launcher's JVM options, read from it).
work="$(mktemp -d "${TMPDIR:-/tmp}/tangent-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp="$(ls repl/target/tangent-repl-*.jar | grep -v -e -tests -e -sources | head -1):$(<repl/target/classpath.txt)"
javac -d "$work" -cp "$cp" bench/InProcessCpu.java
eval "$(grep -E '^(gc|rt_out_of_line)=' tangent)"
harness=(java "${gc[@]}" -XX:CompileCommand=quiet)
for m in "${rt_out_of_line[@]}"; do harness+=("-XX:CompileCommand=dontinline,dev.tangent.jit.Rt::$m"); done
harness+=(-cp "$cp:$work" InProcessCpu)

# Warm the launcher (it makes its start-up archive in the background when the build changed).
./tangent -e '1' >/dev/null
sleep 1
./tangent -e '1' >/dev/null

python3 - "$rounds" "${#harness[@]}" "${harness[@]}" "${candidates[@]}" <<'PY'
import os, re, resource, statistics, subprocess, sys, time

rounds = int(sys.argv[1])
harness = sys.argv[3:3 + int(sys.argv[2])]
candidates = list(dict.fromkeys(sys.argv[3 + int(sys.argv[2]):]))   # unique, in order

def run(cmd):
    """Runs a command; returns (its in-process seconds, wall seconds, CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    m = re.search(r" in ([0-9.]+) s", r.stdout.strip())
    if r.returncode != 0 or not m:
        sys.exit(f"unexpected output from {' '.join(cmd)}: {r.returncode} {r.stdout!r} {r.stderr!r}")
    return float(m.group(1)), wall, cpu, r.stdout + r.stderr

def work_cpu(output):
    """The work's CPU seconds as the program (CPython) or the harness (Tangent) printed them."""
    m = re.search(r"(?:work )?cpu ([0-9.]+) s", output)
    if not m:
        sys.exit(f"no CPU time in {output!r}")
    return float(m.group(1))

# The fastest CPython 3.11: each candidate's least process CPU time for fib(27) over five runs,
# alternated between candidates (CPU time, since wall time on a loaded machine is mostly waiting).
versions = {}
for p in candidates:
    try:
        version = subprocess.run([p, "-c", "import sys; print(sys.version.split()[0])"],
                                 capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        continue
    if version.startswith("3.11"):
        versions[p] = version
if not versions:
    sys.exit("no working python3.11 among: " + " ".join(candidates))
calibration = {p: [] for p in versions}
for _ in range(5):
    for p in versions:
        calibration[p].append(run([p, "bench/fib.py", "27"])[2])
python = min(calibration, key=lambda p: min(calibration[p]))
for p, cpus in calibration.items():
    print(f"CPython candidate {p} ({versions[p]}): fib(27) process CPU, least of 5: {min(cpus):.3f} s"
          + ("  <- used" if p == python else ""))

def cpu_model():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        return re.search(r"Model name:\s*(.*)", out).group(1).strip()
    except Exception:
        return "unknown CPU"

java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
load_before = os.getloadavg()[0]
results = {b: {"tangent": [], "cpython": []} for b in ("fib", "loop", "loop_fn")}
empty = {b: {"tangent": [], "cpython": []} for b in results}
work = {b: {"tangent": [], "cpython": []} for b in results}
work0 = {b: [] for b in results}
for r in range(rounds):
    for b in results:
        sides = [("tangent", ["./tangent", "run", f"bench/{b}.lie"]), ("cpython", [python, f"bench/{b}.py"])]
        if r % 2:
            sides.reverse()
        for name, cmd in sides:
            results[b][name].append(run(cmd))
        for name, cmd in sides:
            empty[b][name].append(run(cmd + ["0"]))
        work[b]["tangent"].append(work_cpu(run(harness + [f"bench/{b}.lie"])[3]))
        work0[b].append(work_cpu(run(harness + [f"bench/{b}.lie", "0"])[3]))
        work[b]["cpython"].append(work_cpu(results[b]["cpython"][-1][3]))

def med(xs):
    return statistics.median(xs)

def spread(xs):
    return f"{min(xs):.3f}-{max(xs):.3f}"

print()
print(f"{'benchmark':10s} {'measure':12s} {'tangent s (min-max)':>26s} {'cpython s (min-max)':>26s} {'ratio':>6s}")
for b, sides in results.items():
    for i, measure in ((0, "in-process"), (-1, "work CPU"), (1, "process"), (2, "process CPU")):
        if i < 0:
            t = [x - med(work0[b]) for x in work[b]["tangent"]]
            p = work[b]["cpython"]
        else:
            t = [x[i] for x in sides["tangent"]]
            p = [x[i] for x in sides["cpython"]]
        print(f"{b:10s} {measure:12s} {med(t):8.3f} ({spread(t):>15s}) {med(p):8.3f} ({spread(p):>15s}) {med(t) / med(p):6.2f}")
for b in results:
    t = [x[2] for x in empty[b]["tangent"]]
    p = [x[2] for x in empty[b]["cpython"]]
    print(f"{b:10s} {'CPU at n=0':12s} {med(t):8.3f} ({spread(t):>15s}) {med(p):8.3f} ({spread(p):>15s}) {med(t) / med(p):6.2f}")
print()
print(f"({cpu_model()}, {os.cpu_count()} cores; {java}; CPython {versions[python]} at {python};"
      f" medians of {rounds} alternated rounds; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after)")
PY
