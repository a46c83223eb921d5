"""Times two programs on the same workloads, one call at a time, alternating between them.

Each side is a long-running process that speaks a line protocol on stdin/stdout:
  - after its set-up it prints lines starting with '#' (what it runs on), then 'ready';
  - for each workload name it reads, it runs that workload once and prints its seconds
    (or 'error: ...').
The driver warms each side up, then runs ROUNDS rounds; in each round both sides run the
workload once, the side that goes first alternating, so that a change in the machine's load
hits both sides alike. It prints, per workload, each side's median and spread (min-max) and the
ratio of the medians (B / A), plus the median of the per-round ratios.

usage: interleave.py --a LABEL CMD --b LABEL CMD [--rounds N] [--warmup N] WORKLOAD...
CMD is one shell-quoted string (run through /bin/sh).
"""
import argparse
import statistics
import subprocess
import sys


class Side:
    def __init__(self, label, cmd):
        self.label = label
        self.proc = subprocess.Popen(cmd, shell=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, bufsize=1)
        self.info = []
        while True:
            line = self.proc.stdout.readline()
            if not line:
                sys.exit(f"{label}: ended before 'ready' (command: {cmd})")
            line = line.rstrip("\n")
            if line == "ready":
                break
            self.info.append(line.lstrip("# "))

    def run(self, workload):
        self.proc.stdin.write(workload + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline().strip()
        try:
            return float(line)
        except ValueError:
            sys.exit(f"{self.label} on {workload}: {line or 'no answer'}")

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--a", nargs=2, metavar=("LABEL", "CMD"), required=True)
    p.add_argument("--b", nargs=2, metavar=("LABEL", "CMD"), required=True)
    p.add_argument("--rounds", type=int, default=9)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("workloads", nargs="+")
    args = p.parse_args()
    a, b = Side(*args.a), Side(*args.b)
    for s in (a, b):
        for line in s.info:
            print(f"# {s.label}: {line}")
    print(f"{'workload':<18} {a.label + ' s':>12} {'spread':>15} {b.label + ' s':>12} {'spread':>15}"
          f" {'ratio':>7} {'per-round':>9}")
    for w in args.workloads:
        for _ in range(args.warmup):
            a.run(w)
            b.run(w)
        ta, tb = [], []
        for r in range(args.rounds):
            first, second = (a, b) if r % 2 == 0 else (b, a)
            t1, t2 = first.run(w), second.run(w)
            ta.append(t1 if first is a else t2)
            tb.append(t2 if first is a else t1)
        ma, mb = statistics.median(ta), statistics.median(tb)
        per_round = statistics.median(y / x for x, y in zip(ta, tb))
        print(f"{w:<18} {ma:12.4f} {min(ta):7.4f}-{max(ta):<7.4f} {mb:12.4f} {min(tb):7.4f}-{max(tb):<7.4f}"
              f" {mb / ma:6.2f}x {per_round:8.2f}x", flush=True)
    a.close()
    b.close()


if __name__ == "__main__":
    main()
