"""PyTorch's own loop for the nn benchmark: MLP 784-100-100-10, Adam 1e-3, batch 128, one epoch
of Fashion-MNIST (60,000 images), shuffled. Prints the median epoch time in seconds, wall clock
and CPU time of the training thread, on its last line.

    python3 fashion_mlp_torch.py [runs] [threads]
"""
import gzip
import statistics
import sys
import time

import numpy as np
import torch

ROOT = "/usr/share/datasets/fashion-mnist/"


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    if len(sys.argv) > 2:
        torch.set_num_threads(int(sys.argv[2]))
    x = torch.tensor(idx(ROOT + "train-images-idx3-ubyte.gz").reshape(-1, 784), dtype=torch.float32) / 255
    y = torch.tensor(idx(ROOT + "train-labels-idx1-ubyte.gz"), dtype=torch.int64)
    times = []
    cpu = []
    for run in range(runs):
        torch.manual_seed(run)
        model = torch.nn.Sequential(torch.nn.Linear(784, 100), torch.nn.ReLU(), torch.nn.Linear(100, 100),
                                    torch.nn.ReLU(), torch.nn.Linear(100, 10))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        t0 = time.perf_counter()
        c0 = time.thread_time()
        perm = torch.randperm(x.shape[0])
        for i in range(0, x.shape[0], 128):
            b = perm[i:i + 128]
            loss = torch.nn.functional.cross_entropy(model(x[b]), y[b])
            opt.zero_grad()
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
        print(f"run {run}: {times[-1]:.3f} s wall, {cpu[-1]:.3f} s cpu, last loss {loss.item():.4f}", file=sys.stderr)
    print(f"{statistics.median(times):.4f} {statistics.median(cpu):.4f}")


if __name__ == "__main__":
    main()
