"""One DRDM training step with the authors' PyTorch code (github.com/jianqingzheng/def_diff_rec):
RecResACNet forward with 2 recursive passes, the training loss of DRDM_train.py (MRSE + NCC +
10 * Grad(['l1', 'negdetj']) on p = STN(pred, target), padding 'zeros'), backward, Adam(lr 1e-4).
Usage: train_step_torch.py REPO THREADS SIZE BATCH STEPS [onednn|native]. Prints one line per
measurement, then the step's floating-point operations (torch.utils.flop_counter: convolutions and
matrix products, forward + backward) and what they mean per second of thread CPU. "native" turns
oneDNN off (torch.backends.mkldnn.enabled = False): libtorch's own convolutions, as Tangent's
-Ddrdm.probe.mkldnn=off.
"""
import resource
import sys
import time

import numpy as np
import torch

repo, threads, size, batch, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
convs = sys.argv[6] if len(sys.argv) > 6 else "onednn"
sys.path.insert(0, repo)
from Diffusion import losses          # noqa: E402
from Diffusion.networks import RecResACNet, STN  # noqa: E402

torch.set_num_threads(threads)
torch.backends.mkldnn.enabled = convs != "native"
torch.manual_seed(0)
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
net = RecResACNet(n_steps=80, ndims=2, num_input_chn=1)
opt = torch.optim.Adam(net.parameters(), lr=1e-4)
stn = STN(img_sz=size, ndims=2, padding_mode='zeros', device='cpu')
reg = losses.Grad(penalty=['l1', 'negdetj'], ndims=2)
dist = losses.MRSE(img_sz=size)
ang = losses.NCC(img_sz=size)
rng = np.random.default_rng(0)
x = torch.tensor(rng.uniform(0, 1, (batch, 1, size, size)), dtype=torch.float32)
target = torch.tensor(rng.uniform(-0.01, 0.01, (batch, 2, size, size)), dtype=torch.float32)
t = torch.tensor(rng.integers(0, 80, batch))


def step():
    pred = net(x, t, rec_num=2)
    p = stn(pred, target)
    loss = dist(pred=p, inv_lab=target, ddf_stn=None) + ang(pred=p, inv_lab=target, ddf_stn=None) + 10 * reg(pred)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


times = []
cpu = []
for i in range(steps + 2):
    t0 = time.perf_counter()
    c0 = time.thread_time()
    step()
    if i >= 2:
        times.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"torch {torch.__version__} ({convs} convolutions) threads {threads} size {size} batch {batch}: median {np.median(times):.4f} s "
      f"(min {min(times):.4f}, max {max(times):.4f}, {steps} steps), thread CPU median {np.median(cpu):.4f} s; peak RSS {rss / 1024:.0f} MiB "
      f"(+{(rss - rss0) / 1024:.0f} MiB over the interpreter with torch imported)")

from torch.utils.flop_counter import FlopCounterMode  # noqa: E402

with FlopCounterMode(display=False) as fc:
    step()
flops = fc.get_total_flops()
print(f"  flops per step (convolutions + matrix products, forward + backward): {flops / 1e9:.2f} GFLOP, "
      f"{flops / 1e9 / np.median(cpu):.1f} GFLOP/s of thread CPU")
