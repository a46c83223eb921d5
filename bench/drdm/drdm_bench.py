"""PyTorch side of bench/drdm/drdm_vs_torch.sh: the authors' forward sampler and grid_sample.

    python3 bench/drdm/drdm_bench.py REPO [runs]

REPO is a checkout of github.com/jianqingzheng/def_diff_rec (outside this tree). Prints one line
per workload: name, median wall seconds, median process CPU seconds, runs. torch uses its default
intra-op threads (all cores).
"""
import statistics
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, sys.argv[1])
import Diffusion.diffuser as D  # noqa: E402

RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def timed(name, fn, runs=RUNS, warm=1):
    for _ in range(warm):
        fn()
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    print(f"{name} {statistics.median(wall):.4f} {statistics.median(cpu):.4f} {runs}", flush=True)


def sampler(ndims, size, t):
    m = D.DeformDDPM(torch.nn.Identity(), n_steps=80, image_chw=(1,) + (size,) * ndims, batch_size=1, v_scale=4e-5)
    img = torch.rand((1, 1) + (size,) * ndims)
    tt = torch.tensor([t])
    fields = lambda: m._random_ddf_generate(rec_num=1, mul_num=list(m._get_ddf_scale(tt)[1:]))
    full = lambda: m._get_random_ddf(img, tt)
    return fields, full


def rss():
    """(VmRSS, VmHWM) in kB."""
    vals = {}
    for line in open("/proc/self/status"):
        if line.startswith(("VmRSS:", "VmHWM:")):
            vals[line[:5]] = int(line.split()[1])
    return vals["VmRSS"], vals["VmHWM"]


def warp256():
    """grid_sample of a 256^3 f32 volume by a smooth field (trilinear, zeros, align_corners=True), the
    grid built from the displacement as the authors' STN builds it; peak RSS growth in MB."""
    s = 256
    img = torch.rand(1, 1, s, s, s)
    u = F.interpolate(torch.randn(1, 3, 8, 8, 8, generator=torch.Generator().manual_seed(1)) * 3, size=(s, s, s),
                      mode="trilinear", align_corners=False)
    ref = torch.stack(torch.meshgrid(*[torch.arange(s, dtype=torch.float32)] * 3, indexing="ij"), 0)[None]
    grid = torch.flip(((u + ref) / ((s - 1) / 2) - 1).permute(0, 2, 3, 4, 1), dims=[-1])
    return (lambda: F.grid_sample(img, grid, mode="bilinear", padding_mode="zeros", align_corners=True),
            lambda: F.grid_sample(img, torch.flip(((u + ref) / ((s - 1) / 2) - 1).permute(0, 2, 3, 4, 1), dims=[-1]),
                                  mode="bilinear", padding_mode="zeros", align_corners=True))


if __name__ == "__main__":
    what = sys.argv[3] if len(sys.argv) > 3 else "all"
    print(f"# torch {torch.__version__}, threads {torch.get_num_threads()}", flush=True)
    if what in ("all", "sampler"):
        f2, full2 = sampler(2, 128, 79)
        timed("sampler_fields_2d128_t79", f2)
        timed("sampler_forward_2d128_t79", full2)
        f3, full3 = sampler(3, 64, 79)
        timed("sampler_fields_3d64_t79", f3, runs=max(3, RUNS // 2))
        timed("sampler_forward_3d64_t79", full3, runs=max(3, RUNS // 2))
    if what in ("all", "warp"):
        gs, stn = warp256()
        timed("warp256_grid_sample", gs, runs=RUNS)
        timed("warp256_stn_with_grid", stn, runs=RUNS)
    if what == "mem":
        # peak resident memory of one warp (grid built from the displacement, as the STN does), from
        # before its inputs exist
        base = rss()[0]
        gs, stn = warp256()
        stn()
        print(f"warp256_peak_rss_growth_mb {(rss()[1] - base) / 1024:.0f} 0 1", flush=True)
