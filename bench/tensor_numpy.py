"""The numpy side of bench/tensor_vs_numpy.sh: the same workloads as TensorBench.java."""
import sys
import time

import numpy as np


def median(fn, warmup, runs):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return sorted(times)[runs // 2]


runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
rng = np.random.default_rng(0)
A = rng.random((2048, 2048), dtype=np.float32)
B = rng.random((2048, 2048), dtype=np.float32)
G = rng.standard_normal((1024, 1024))
S = G + G.T
x = rng.random(10_000_000, dtype=np.float32)
print("matmul_f32_2048 %.4f" % median(lambda: A @ B, 5, runs))
print("eigh_f64_1024 %.4f" % median(lambda: np.linalg.eigh(S), 5, runs))
print("chain_f32_10M %.4f" % median(lambda: np.exp(x) * 2 + np.sin(x), 5, runs))
