"""A 3-D RecResACNet reference for NetworkTest, from the DRDM authors' code (not a project dependency).

Run outside the build, with PyTorch and a checkout of github.com/jianqingzheng/def_diff_rec:
    python make_net3d_reference.py /path/to/def_diff_rec net3d-reference.npz
Every parameter gets deterministic values that the Java test recomputes (so no 5 MB weights file
is needed): the k-th parameter in state_dict order (time_embed.weight excluded, it keeps its
sinusoidal table) holds, at flat index i, s * sin(1.3 i + 0.7 k) with s = 1/sqrt(fan_in) for
weights of rank >= 2 (fan_in = prod(shape[1:])), 0.1 for biases, and 1 + 0.1 sin(...) for
InstanceNorm weights. The input is a 16x16x24 volume img[a, b, c] = sin(0.3 a) cos(0.2 b) + 0.01 c,
t = 41; the outputs with one and two passes are stored.
"""
import sys
import numpy as np
import torch

sys.path.insert(0, sys.argv[1])
from Diffusion.networks import RecResACNet  # noqa: E402

net = RecResACNet(n_steps=80, ndims=3, num_input_chn=1)
sd = net.state_dict()
k = 0
new = {}
for name, v in sd.items():
    if name == 'time_embed.weight':
        new[name] = v
        continue
    i = np.arange(v.numel(), dtype=np.float64)
    wave = np.sin(1.3 * i + 0.7 * k)
    if name.endswith('ln.weight'):
        vals = 1 + 0.1 * wave
    elif v.dim() >= 2:
        vals = wave / np.sqrt(np.prod(v.shape[1:]))
    else:
        vals = 0.1 * wave
    new[name] = torch.tensor(vals.reshape(tuple(v.shape)), dtype=torch.float32)
    k += 1
net.load_state_dict(new)
a, b, c = np.meshgrid(np.arange(16), np.arange(16), np.arange(24), indexing='ij')
img = (np.sin(0.3 * a) * np.cos(0.2 * b) + 0.01 * c).astype(np.float32)
x = torch.tensor(img)[None, None]
t = torch.tensor([41])
with torch.no_grad():
    rec1 = net(x, t, rec_num=1)[0].numpy()
    rec2 = net(x, t, rec_num=2)[0].numpy()
np.savez(sys.argv[2], image=img, t=np.int64(41), ddf_rec1=rec1, ddf_rec2=rec2)
print('max |rec1|', np.abs(rec1).max(), 'max |rec2|', np.abs(rec2).max(), 'max |rec2 - rec1|', np.abs(rec2 - rec1).max())
