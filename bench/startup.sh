#!/usr/bin/env bash
# Start-up of the `tangent` command: median wall time of `./tangent -e '1 + 2'`, and of
# `./tangent` until the REPL prompt is on the terminal (a pseudo-terminal, 100x24), over N runs
# after 3 warm-up runs. Also checks that neither loads ND4J or DJL classes.
# Usage: bench/startup.sh [N]   (N defaults to 21; needs python3; build first: mvn -q -DskipTests package)
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-21}"

python3 - "$root/tangent" "$runs" <<'PY'
import os, pty, select, statistics, subprocess, sys, time, fcntl, termios, struct

tangent, runs = sys.argv[1], int(sys.argv[2])

def eval_once():
    t = time.perf_counter()
    r = subprocess.run([tangent, "-e", "1 + 2"], capture_output=True, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0 or r.stdout != "3\n":
        sys.exit(f"unexpected result from -e: {r.returncode} {r.stdout!r} {r.stderr!r}")
    return dt

def prompt_once():
    t = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = "/tmp"  # do not touch the user's ~/.tangent_history
        os.execv(tangent, [tangent])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    seen, dt = b"", None
    while time.perf_counter() - t < 20:
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
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
        sys.exit("no REPL prompt within 20 s: " + seen.decode(errors="replace"))
    return dt

def classes_loaded(args):
    env = dict(os.environ, TANGENT_JAVA_OPTS="-Xlog:class+load=info:file=/dev/stdout")
    out = subprocess.run([tangent] + args, capture_output=True, text=True, env=env, input=":quit\n").stdout
    return [l for l in out.splitlines() if "org.nd4j" in l or "ai.djl" in l]

for _ in range(3):
    eval_once(); prompt_once()
e = [eval_once() for _ in range(runs)]
p = [prompt_once() for _ in range(runs)]
heavy = classes_loaded(["-e", "1 + 2"])
print(f"./tangent -e '1 + 2'   median {statistics.median(e):.3f} s  (min {min(e):.3f}, max {max(e):.3f}, {runs} runs)")
print(f"./tangent (to prompt)  median {statistics.median(p):.3f} s  (min {min(p):.3f}, max {max(p):.3f}, {runs} runs)")
print("ND4J/DJL classes loaded by -e '1 + 2':", len(heavy))
print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
PY
