#!/usr/bin/env bash
# Start-up of the `tangent` command, as medians over N runs (after 3 warm-up runs):
#   - wall time of `./tangent -e '1 + 2'` (and its user+sys CPU time),
#   - wall time from starting `./tangent` until the REPL prompt is on the terminal (a pseudo-
#     terminal, 100x24; the process's CPU time is measured to its exit after Ctrl-D).
# It also checks that `-e '1 + 2'` loads no ND4J or DJL class, and prints the load average: on a
# shared machine other work inflates wall times (run it with `nice -n -15` to see less of that).
# Usage: bench/startup.sh [N]     N defaults to 21. Needs python3.
# Build first, at the repository root: mvn -q -DskipTests package
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-21}"

python3 - "$root/tangent" "$runs" <<'PY'
import fcntl, os, pty, resource, select, statistics, struct, subprocess, sys, tempfile, termios, time

tangent, runs = sys.argv[1], int(sys.argv[2])
home = tempfile.mkdtemp(prefix="tangent-bench-")  # the REPL's history goes here, not to ~

def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def eval_once():
    c, t = children_cpu(), time.perf_counter()
    r = subprocess.run([tangent, "-e", "1 + 2"], capture_output=True, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0 or r.stdout != "3\n":
        sys.exit(f"unexpected result from -e: {r.returncode} {r.stdout!r} {r.stderr!r}")
    return dt, children_cpu() - c

def prompt_once():
    c, t = children_cpu(), time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = home
        os.execv(tangent, [tangent])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    seen, dt = b"", None
    while time.perf_counter() - t < 30:
        ready, _, _ = select.select([fd], [], [], 0.005)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if b"tangent> " in seen:
                dt = time.perf_counter() - t
                break
    os.write(fd, b"\x04")  # Ctrl-D: quit
    os.waitpid(pid, 0)
    os.close(fd)
    if dt is None:
        sys.exit("no REPL prompt within 30 s: " + seen.decode(errors="replace"))
    return dt, children_cpu() - c

def heavy_classes():
    env = dict(os.environ, TANGENT_JAVA_OPTS="-Xlog:class+load=info")
    out = subprocess.run([tangent, "-e", "1 + 2"], capture_output=True, text=True, env=env).stdout
    if "dev.tangent.repl.Main source:" not in out:
        sys.exit("the class-load log is missing")
    return sum(1 for l in out.splitlines() if "org.nd4j" in l or "ai.djl" in l)

def report(name, samples):
    walls = [s[0] for s in samples]
    cpus = [s[1] for s in samples]
    print(f"{name:24s} median {statistics.median(walls):.3f} s  (min {min(walls):.3f}, max {max(walls):.3f}; "
          f"CPU median {statistics.median(cpus):.3f} s; {len(samples)} runs)")

load_before = os.getloadavg()[0]
for _ in range(3):
    eval_once()
    prompt_once()
e = [eval_once() for _ in range(runs)]
p = [prompt_once() for _ in range(runs)]
report("./tangent -e '1 + 2'", e)
report("./tangent (to prompt)", p)
print("ND4J/DJL classes loaded by -e '1 + 2':", heavy_classes())
print(f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after, on {os.cpu_count()} cores")
PY
