"""Writes a chain of TorchScript modules (one per LIB section) for the lib module's tests.

Run from this folder with PyTorch installed:  python3 make_chain.py
A ReLU MLP 6 -> 8 -> 5 -> 3 split into three modules, exported in float64 (chain{0,1,2}.pt) and
float32 (chain{0,1,2}_f32.pt); chain.npz holds the weights (PyTorch layout W [out, in]), 64
inputs and the network's output, so the tests can build the same MLP analytically and compare.
"""
import numpy as np
import torch

torch.manual_seed(3)
sizes = [6, 8, 5, 3]
layers = [torch.nn.Linear(sizes[i], sizes[i + 1]) for i in range(3)]
mods = [torch.nn.Sequential(layers[0], torch.nn.ReLU()), torch.nn.Sequential(layers[1], torch.nn.ReLU()), torch.nn.Sequential(layers[2])]
x = torch.randn(64, 6)
out = {"x": x.numpy().astype(np.float64)}
for i, m in enumerate(mods):
    torch.jit.script(m.double()).save(f"chain{i}.pt")
    torch.jit.script(m.float()).save(f"chain{i}_f32.pt")
    out[f"w{i}"] = layers[i].weight.detach().double().numpy()
    out[f"b{i}"] = layers[i].bias.detach().double().numpy()
with torch.no_grad():
    y = x.double()
    for m in mods:
        y = m.double()(y)
out["y"] = y.numpy()
np.savez("chain.npz", **out)
print("torch", torch.__version__)
