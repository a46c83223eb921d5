"""Reference values for the drdm field and sampler tests, computed with PyTorch and the authors' code.

Run from the repository root (needs torch and numpy, and the authors' repository outside the tree):
    python3 bench/drdm/make_reference_vectors.py /path/to/def_diff_rec
It writes testdata/drdm/torch-warp-interp.npz and testdata/drdm/reference-sampler.npz (float32/float64
arrays; see testdata/README.md). Nothing here is a project dependency: the tests only read the .npz files.

Conventions (docs/drdm.md): a field u has channel k = displacement along spatial axis k in voxels, and
warp(I, u)[x] = I(x + u(x)) with voxel centres at integer indices, i.e. grid_sample with
align_corners=True on the normalized coordinate 2 (x + u) / (S_k - 1) - 1 (flipped to x-y order).
"""
import sys
import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float32)
OUT = "testdata/drdm/"


def grid_from_field(u):
    """u [B, nd, *S] in voxels -> grid_sample grid [B, *S, nd] (x-y order), align_corners=True."""
    nd = u.shape[1]
    sizes = u.shape[2:]
    ref = torch.stack(torch.meshgrid(*[torch.arange(s, dtype=torch.float64) for s in sizes], indexing="ij"), 0)
    pos = u.double() + ref[None]
    norm = torch.stack([2 * pos[:, k] / (sizes[k] - 1) - 1 for k in range(nd)], -1)
    return torch.flip(norm, dims=[-1]).float()


def warp_cases(out):
    g = torch.Generator().manual_seed(7)
    # 2D: two channels on a non-square 9 x 11 grid, displacements up to ~3 voxels (some taps leave the image)
    img2 = torch.randn(1, 2, 9, 11, generator=g)
    u2 = 1.6 * torch.randn(1, 2, 9, 11, generator=g)
    out["warp2d_image"] = img2[0].numpy()
    out["warp2d_field"] = u2[0].numpy()
    grid2 = grid_from_field(u2)
    for mode in ["bilinear", "bicubic", "nearest"]:
        for pad in ["zeros", "border"]:
            r = F.grid_sample(img2, grid2, mode=mode, padding_mode=pad, align_corners=True)
            out[f"warp2d_{mode}_{pad}"] = r[0].numpy()
    # 3D: two channels on 5 x 6 x 7
    img3 = torch.randn(1, 2, 5, 6, 7, generator=g)
    u3 = 1.3 * torch.randn(1, 3, 5, 6, 7, generator=g)
    out["warp3d_image"] = img3[0].numpy()
    out["warp3d_field"] = u3[0].numpy()
    grid3 = grid_from_field(u3)
    for mode in ["bilinear", "nearest"]:
        for pad in ["zeros", "border"]:
            r = F.grid_sample(img3, grid3, mode=mode, padding_mode=pad, align_corners=True)
            out[f"warp3d_{mode}_{pad}"] = r[0].numpy()


def interp_cases(out):
    g = torch.Generator().manual_seed(11)
    x2 = torch.randn(1, 2, 5, 7, generator=g)
    out["interp2d_input"] = x2[0].numpy()
    for size in [(9, 4), (3, 11), (10, 14), (5, 7)]:
        r = F.interpolate(x2, size=size, mode="bilinear", align_corners=False)
        out[f"interp2d_{size[0]}x{size[1]}"] = r[0].numpy()
    x3 = torch.randn(1, 3, 4, 5, 6, generator=g)
    out["interp3d_input"] = x3[0].numpy()
    for size in [(7, 3, 8), (8, 10, 12)]:
        r = F.interpolate(x3, size=size, mode="trilinear", align_corners=False)
        out[f"interp3d_{size[0]}x{size[1]}x{size[2]}"] = r[0].numpy()


def jacobian_and_magnitude_cases(out):
    """det(I + grad u) with np.gradient (central inside, one-sided at the borders), in float64 from
    float32 fields, and numpy's statistics of |u| (voxels and percent of each axis' size)."""
    g = torch.Generator().manual_seed(5)
    # smooth fields plus a little voxel noise (so that the one-sided differences at the borders are not 0)
    u2 = F.interpolate(3 * torch.randn(1, 2, 6, 5, generator=g), size=(20, 17), mode="bilinear", align_corners=False)[0]
    u2 = u2 + 0.05 * torch.randn(u2.shape, generator=g)
    u3 = F.interpolate(2 * torch.randn(1, 3, 4, 4, 3, generator=g), size=(9, 11, 7), mode="trilinear", align_corners=False)[0]
    u3 = u3 + 0.05 * torch.randn(u3.shape, generator=g)
    for name, u in [("jac2d", u2.numpy()), ("jac3d", u3.numpy())]:
        nd = u.shape[0]
        uu = u.astype(np.float64)
        grads = [np.gradient(uu[c]) for c in range(nd)]  # grads[c][k] = d u_c / d x_k
        jac = np.empty(u.shape[1:] + (nd, nd))
        for c in range(nd):
            for k in range(nd):
                jac[..., c, k] = grads[c][k] + (1.0 if c == k else 0.0)
        out[name + "_field"] = u
        out[name + "_det"] = np.linalg.det(jac)
        mag = np.sqrt((uu ** 2).sum(0))
        sizes = np.array(u.shape[1:], dtype=np.float64).reshape((nd,) + (1,) * nd)
        pct = 100 * np.sqrt(((uu / sizes) ** 2).sum(0))
        out[name + "_mag"] = np.array([mag.mean(), mag.max(), *np.percentile(mag, [50, 90, 99]),
                                       pct.mean(), pct.max(), *np.percentile(pct, [50, 90, 99])])


def sampler_cases(out, repo):
    sys.path.insert(0, repo)
    import Diffusion.diffuser as D

    calls = [0]

    def det_randn(shape, *a, **k):
        """noise_k[b, c, i, j(, l)] = sin(0.3 i + 0.7 j (+ 0.9 l) + 1.1 c + 0.5 k + 0.13 b), k = call index."""
        kk = calls[0]
        calls[0] += 1
        idx = torch.meshgrid(*[torch.arange(s, dtype=torch.float64) for s in shape], indexing="ij")
        arg = 0.13 * idx[0] + 1.1 * idx[1] + 0.5 * kk
        for d, coef in zip(range(2, len(shape)), [0.3, 0.7, 0.9]):
            arg = arg + coef * idx[d]
        return torch.sin(arg).float()

    D.torch.randn = det_randn

    def run(name, ndims, size, ts, img):
        b = len(ts)
        m = D.DeformDDPM(torch.nn.Identity(), n_steps=80, image_chw=(1,) + (size,) * ndims, batch_size=b,
                         v_scale=4e-5, img_pad_mode="zeros", resample_mode=None)
        calls[0] = 0
        t = torch.tensor(ts)
        warped, dvf, ddf = m._get_random_ddf(img, t)
        out[name + "_t"] = np.array(ts, dtype=np.int64)
        out[name + "_image"] = img.numpy()
        out[name + "_ddf"] = ddf.numpy()
        out[name + "_dvf"] = dvf.numpy()
        out[name + "_warped"] = warped.numpy()

    g = torch.Generator().manual_seed(3)
    run("s2d16", 2, 16, [5], torch.rand(1, 1, 16, 16, generator=g))
    run("s2d16batch", 2, 16, [3, 12], torch.rand(2, 1, 16, 16, generator=g))
    run("s2d24", 2, 24, [7], torch.rand(1, 1, 24, 24, generator=g))
    run("s3d8", 3, 8, [5], torch.rand(1, 1, 8, 8, 8, generator=g))


if __name__ == "__main__":
    a = {}
    warp_cases(a)
    interp_cases(a)
    jacobian_and_magnitude_cases(a)
    np.savez(OUT + "torch-warp-interp.npz", **a)
    s = {}
    sampler_cases(s, sys.argv[1])
    np.savez(OUT + "reference-sampler.npz", **s)
    print("torch", torch.__version__, "arrays:", len(a), len(s))
