"""Writes tiny.pt, a TorchScript module for the nn module's tests, and its reference output.

Run from this folder with PyTorch installed:  python3 make_tiny.py
The module is tiny on purpose (a 4 -> 3 linear layer, tanh, plus the row sums: 15 parameters).
tiny_io.npz holds an input and the output PyTorch computed for it, so the Java test
checks against PyTorch's own answer without needing Python.
"""
import numpy as np
import torch


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(4, 3)

    def forward(self, x):
        return torch.tanh(self.fc(x)) * 2 + x.sum(dim=1, keepdim=True)


torch.manual_seed(0)
module = torch.jit.script(Tiny())
module.save("tiny.pt")
x = (torch.arange(8.0).reshape(2, 4) - 3.5) / 4
with torch.no_grad():
    y = module(x)
np.savez("tiny_io.npz", x=x.numpy(), y=y.numpy(),
         weight=module.fc.weight.detach().numpy(), bias=module.fc.bias.detach().numpy())
print("torch", torch.__version__, "output", y.numpy().tolist())
