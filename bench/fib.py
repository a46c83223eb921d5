import sys, time
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 32
t0 = time.perf_counter()
c0 = time.process_time()
r = fib(n)
print(f"fib({n}) = {r} in {time.perf_counter() - t0:.3f} s (cpu {time.process_time() - c0:.3f} s)")
