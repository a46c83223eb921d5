"""fancy_einsum.einsum: einsum with named axes, translated to torch.einsum letters (as the package does)."""
import string
import torch

def einsum(equation, *operands):
    lhs, rhs = equation.split("->")
    names = {}
    def conv(part):
        out = []
        for tok in part.strip().split():
            if tok == "...":
                out.append("...")
                continue
            if tok not in names:
                names[tok] = string.ascii_letters[len(names)]
            out.append(names[tok])
        return "".join(out)
    ins = [conv(p) for p in lhs.split(",")]
    return torch.einsum(",".join(ins) + "->" + conv(rhs), *operands)
