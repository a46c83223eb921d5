import sys, time
n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
t0 = time.perf_counter()
c0 = time.process_time()
s = 0
for i in range(n):
    s += i
print(f"sum = {s} in {time.perf_counter() - t0:.3f} s (cpu {time.process_time() - c0:.3f} s)")
