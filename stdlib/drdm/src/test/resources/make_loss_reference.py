"""Reference loss values for LossTest, from the DRDM authors' code (not a project dependency).

Run outside the build, with PyTorch and a checkout of github.com/jianqingzheng/def_diff_rec:
    python make_loss_reference.py /path/to/def_diff_rec loss-reference.npz
For 2-D (B=2, 16x16) and 3-D (B=2, 8x8x8) random fields pred and target (float64 inputs, computed in
float32 as the reference trains), it records p = STN(pred, target) and MRSE(p, target), NCC(p, target),
Grad(['l1']), Grad(['negdetj']) and the training total for padding 'zeros' and 'border'.
"""
import sys
import numpy as np
import torch

sys.path.insert(0, sys.argv[1])
from Diffusion import losses          # noqa: E402
from Diffusion.networks import STN    # noqa: E402

rng = np.random.default_rng(20240707)
out = {}
for nd, size in ((2, 16), (3, 8)):
    shape = [2, nd] + [size] * nd
    pred = rng.uniform(-0.06, 0.06, shape)
    target = rng.uniform(-0.06, 0.06, shape)
    out[f'd{nd}_pred'] = pred
    out[f'd{nd}_target'] = target
    p32 = torch.tensor(pred, dtype=torch.float32)
    t32 = torch.tensor(target, dtype=torch.float32)
    reg_l1 = losses.Grad(penalty=['l1'], ndims=nd)(p32)
    reg_nd = losses.Grad(penalty=['negdetj'], ndims=nd)(p32)
    out[f'd{nd}_l1'] = np.float64(reg_l1.item())
    out[f'd{nd}_negdetj'] = np.float64(reg_nd.item())
    for pad in ('zeros', 'border'):
        stn = STN(img_sz=size, ndims=nd, padding_mode=pad, device='cpu')
        p = stn(p32, t32)
        dist = losses.MRSE(img_sz=size)(pred=p, inv_lab=t32, ddf_stn=None)
        ang = losses.NCC(img_sz=size)(pred=p, inv_lab=t32, ddf_stn=None)
        reg = losses.Grad(penalty=['l1', 'negdetj'], ndims=nd)(p32)
        out[f'd{nd}_{pad}_p'] = p.numpy().astype(np.float64)
        out[f'd{nd}_{pad}_dist'] = np.float64(dist.item())
        out[f'd{nd}_{pad}_ang'] = np.float64(ang.item())
        out[f'd{nd}_{pad}_total'] = np.float64((dist + ang + 10 * reg).item())
np.savez(sys.argv[2], **out)
print({k: float(v) for k, v in out.items() if np.ndim(v) == 0})
