"""The numpy side of bench/tensor/tensor_vs_numpy.sh: the same workloads as the Java side
(TensorBench), served one call at a time to bench/lib/interleave.py (see its protocol)."""
import os
import sys
import time

import numpy as np

rng = np.random.default_rng(0)
A = rng.random((2048, 2048), dtype=np.float32)
B = rng.random((2048, 2048), dtype=np.float32)
G = rng.standard_normal((1024, 1024))
S = G + G.T
x = rng.random(10_000_000, dtype=np.float32)

WORKLOADS = {
    "matmul_f32_2048": lambda: A @ B,
    "eigh_f64_1024": lambda: np.linalg.eigh(S),
    "chain_f32_10M": lambda: np.exp(x) * 2 + np.sin(x),
}

try:
    from threadpoolctl import threadpool_info
    blas = "; ".join(f"{i['internal_api']} {i['version']} {i.get('architecture', '?')} kernels, {i['num_threads']} threads"
                     for i in threadpool_info() if i["user_api"] == "blas")
except ImportError:
    blas = "threadpoolctl missing: kernel set unknown"
print(f"# {sys.executable} {sys.version.split()[0]}, numpy {np.__version__}, {blas}")
# BENCH_CLOCK=thread: the calling thread's CPU time (meaningful with one BLAS thread, whatever
# the machine's load); otherwise wall time.
clock = time.thread_time if os.environ.get("BENCH_CLOCK") == "thread" else time.perf_counter
print(f"# clock: {clock.__name__}")
print("ready", flush=True)
for line in sys.stdin:
    fn = WORKLOADS.get(line.strip())
    if fn is None:
        print(f"error: no workload {line.strip()!r}", flush=True)
        continue
    t0 = clock()
    fn()
    print(f"{clock() - t0:.6f}", flush=True)
