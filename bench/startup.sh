#!/usr/bin/env bash
# Start-up of the `tangent` command, as medians over N runs (after 3 warm-up runs), each against a
# reference measured in the same invocation, interleaved run by run:
#   ./tangent -e '1 + 2'     wall time; reference: a Java hello world (bench/Hello.java)
#   ./tangent (to prompt)    wall time until the REPL prompt is on a pseudo-terminal (100x24);
#                            reference: a bare JLine REPL (bench/JLineFloor.java)
# Both references get an AppCDS archive too, so the ratios show what Tangent adds on top.
# It also checks that `-e '1 + 2'` loads no ND4J or DJL class, and prints the load average: on a
# shared machine other work inflates all wall times (`nice -n -15 bench/startup.sh` sees less of it).
# Usage: bench/startup.sh [N]     N defaults to 21. Needs python3 and javac.
# Build first, at the repository root: mvn -q -DskipTests package
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-21}"
[ -f "$root/repl/target/classpath.txt" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 64; }
work="$(mktemp -d "${TMPDIR:-/tmp}/tangent-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The references, compiled into jars (AppCDS archives only classes from jars).
jline="$(tr ':' '\n' < "$root/repl/target/classpath.txt" | grep '/jline-[0-9.]*\.jar$')"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jline" "$root/bench/Hello.java" "$root/bench/JLineFloor.java"
(cd "$work/classes" && jar cf "$work/refs.jar" ./*.class)

python3 - "$root/tangent" "$runs" "$work" "$jline" <<'PY'
import fcntl, os, pty, select, statistics, struct, subprocess, sys, termios, time

tangent, runs, work, jline = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
home = os.path.join(work, "home")  # the REPL's history goes here, not to ~
os.makedirs(home)
hello = ["java", f"-XX:SharedArchiveFile={work}/hello.jsa", "-Xlog:cds=off", "-cp", f"{work}/refs.jar", "Hello"]
floor = ["java", f"-XX:SharedArchiveFile={work}/floor.jsa", "-Xlog:cds=off", "-cp", f"{work}/refs.jar:{jline}", "JLineFloor"]

def eval_once(cmd):
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0 or r.stdout != "3\n":
        sys.exit(f"unexpected result from {cmd[0]}: {r.returncode} {r.stdout!r} {r.stderr!r}")
    return dt

def prompt_once(cmd):
    t = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = home
        os.execvp(cmd[0], cmd)
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
        sys.exit(f"no prompt from {cmd[0]} within 30 s: " + seen.decode(errors="replace"))
    return dt

def heavy_classes():
    env = dict(os.environ, TANGENT_JAVA_OPTS="-Xlog:class+load=info")
    out = subprocess.run([tangent, "-e", "1 + 2"], capture_output=True, text=True, env=env).stdout
    if "dev.tangent.repl.Main source:" not in out:
        sys.exit("the class-load log is missing")
    return sum(1 for l in out.splitlines() if "org.nd4j" in l or "ai.djl" in l)

def report(name, ours, ref_name, ref):
    m, r = statistics.median(ours), statistics.median(ref)
    print(f"{name:22s} median {m:.3f} s (min {min(ours):.3f}, max {max(ours):.3f});"
          f" {ref_name} {r:.3f} s; ratio {m / r:.2f}")

# Archives for the references, made the way the launcher makes Tangent's.
subprocess.run([c if not c.startswith("-XX:Shared") else f"-XX:ArchiveClassesAtExit={work}/hello.jsa" for c in hello],
               capture_output=True, check=True)
prompt_once([c if not c.startswith("-XX:Shared") else f"-XX:ArchiveClassesAtExit={work}/floor.jsa" for c in floor])

load_before = os.getloadavg()[0]
for _ in range(3):
    eval_once([tangent, "-e", "1 + 2"]); eval_once(hello)
    prompt_once([tangent]); prompt_once(floor)
e, h, p, f = [], [], [], []
for _ in range(runs):
    e.append(eval_once([tangent, "-e", "1 + 2"])); h.append(eval_once(hello))
for _ in range(runs):
    p.append(prompt_once([tangent])); f.append(prompt_once(floor))
report("./tangent -e '1 + 2'", e, "Java hello world", h)
report("./tangent (to prompt)", p, "bare JLine REPL", f)
print(f"({runs} runs each; load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after, on {os.cpu_count()} cores)")
print("ND4J/DJL classes loaded by -e '1 + 2':", heavy_classes())
PY
