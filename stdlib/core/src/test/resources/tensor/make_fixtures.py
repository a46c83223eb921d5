"""Writes numpy_cases.json: Tangent expressions and what numpy computes for the same inputs.

The JSON (no nulls, no NaN) is also a Tangent map literal, so the tests read it with the
interpreter itself.

Run once with python3 + numpy (2.x) from this directory; the tests read the JSON and need no
Python. Each case pairs a Tangent expression with the numpy expression that defines its answer.
"""
import json

import numpy as np

x = np.array([[1.5, -2, 3], [0.25, 4, -1]])
y = np.array([2, -1, 0.5])
c = np.array([[1.0], [-2.0]])
m = np.array([[4.0, 1, -2], [1, 3, 0.5], [-2, 0.5, 5]])
f = np.array([0.1, 0.7, -1.3, 2.9], dtype=np.float32)
i = np.array([[3, -1, 4], [1, -5, 9]], dtype=np.int64)
b = np.array([[True, False, True], [False, True, True]])
t3 = np.arange(24, dtype=np.float64).reshape(2, 3, 4) * 0.5 - 3

# {dev} (in the prelude and in creation cases) becomes "" or ', device: "cpu"' so the same cases run on both paths.
PRELUDE = """let x = tensor([[1.5, -2, 3], [0.25, 4, -1]]{dev})
let y = tensor([2, -1, 0.5]{dev})
let c = tensor([[1], [-2]]{dev})
let m = tensor([[4, 1, -2], [1, 3, 0.5], [-2, 0.5, 5]]{dev})
let f = tensor([0.1, 0.7, -1.3, 2.9], dtype: "f32"{dev})
let i = tensor([[3, -1, 4], [1, -5, 9]], dtype: "i64"{dev})
let b = tensor([[true, false, true], [false, true, true]]{dev})
let t3 = arange(24{dev}).reshape(2, 3, 4) * 0.5 - 3
"""

CASES = [
    ("x + y", lambda: x + y),
    ("x * c", lambda: x * c),
    ("x - c + y", lambda: x - c + y),
    ("x / y", lambda: x / y),
    ("x // y", lambda: x // y),
    ("x % y", lambda: x % y),
    ("x ^ 2", lambda: x ** 2),
    ("2 ^ y", lambda: 2 ** y),
    ("1 - x", lambda: 1 - x),
    ("-x", lambda: -x),
    ("x > 0", lambda: x > 0),
    ("x == y", lambda: x == y),
    ("c <= x", lambda: c <= x),
    ("exp(x)", lambda: np.exp(x)),
    ("sin(x)", lambda: np.sin(x)),
    ("cos(x)", lambda: np.cos(x)),
    ("tanh(x)", lambda: np.tanh(x)),
    ("sqrt(abs(x))", lambda: np.sqrt(np.abs(x))),
    ("log(abs(x))", lambda: np.log(np.abs(x))),
    ("floor(x)", lambda: np.floor(x)),
    ("round(x)", lambda: np.round(x)),
    ("f * 2", lambda: f * 2),
    ("f + 1.5", lambda: f + 1.5),
    ("f / 3", lambda: f / 3),
    ("exp(f)", lambda: np.exp(f)),
    ("sin(f)", lambda: np.sin(f)),
    ("cos(f)", lambda: np.cos(f)),
    ("f > 0.5", lambda: f > 0.5),
    ("i >= 3.5", lambda: i >= 3.5),
    ("i >= 0.5", lambda: i >= 0.5),
    ("i == 3", lambda: i == 3),
    ("b == 1", lambda: b == 1),
    ("i * 2", lambda: i * 2),
    ("i / 2", lambda: i / 2),
    ("i // 2", lambda: i // 2),
    ("i % 4", lambda: i % 4),
    ("i ^ 2", lambda: i ** 2),
    ("i * 2.5", lambda: i * 2.5),
    ("i + f[0:3]", lambda: i + f[0:3]),
    ("i + x", lambda: i + x),
    ("b * 1", lambda: b * 1),
    ("b * i", lambda: b * i),
    ("abs(i)", lambda: np.abs(i)),
    ("-i", lambda: -i),
    ("x.astype(\"i64\")", lambda: x.astype(np.int64)),
    ("i.astype(\"f32\")", lambda: i.astype(np.float32)),
    ("x.astype(\"bool\")", lambda: x.astype(bool)),
    ("x[1]", lambda: x[1]),
    ("x[:, 1]", lambda: x[:, 1]),
    ("x[-1, ::-1]", lambda: x[-1, ::-1]),
    ("x[1, 2]", lambda: x[1, 2]),
    ("t3[1, :, 1:3]", lambda: t3[1, :, 1:3]),
    ("t3[:, nil, 0]", lambda: t3[:, None, 0]),
    ("t3[::-1, 1::2, ::3]", lambda: t3[::-1, 1::2, ::3]),
    ("x[x > 0]", lambda: x[x > 0]),
    ("t3[b]", lambda: t3[b]),
    ("x[[1, 0]]", lambda: x[[1, 0]]),
    ("x[[0, 1], [2, 0]]", lambda: x[[0, 1], [2, 0]]),
    ("t3[:, [2, 0], 1]", lambda: t3[:, [2, 0], 1]),
    ("t3[[1, 0], :, [0, 3]]", lambda: t3[[1, 0], :, [0, 3]]),
    ("t3[1, [0, 2]]", lambda: t3[1, [0, 2]]),
    ("m[1:, -2:]", lambda: m[1:, -2:]),
    ("i[b]", lambda: i[b]),
    ("t3.reshape(4, -1)", lambda: t3.reshape(4, -1)),
    ("t3.permute(2, 0, 1)", lambda: np.transpose(t3, (2, 0, 1))),
    ("t3.T", lambda: t3.T),
    ("transpose(t3, 0, 2)", lambda: np.swapaxes(t3, 0, 2)),
    ("concat([x, x * 2], axis: 1)", lambda: np.concatenate([x, x * 2], axis=1)),
    ("concat([x, i])", lambda: np.concatenate([x, i])),
    ("stack([y, y * 3], axis: 1)", lambda: np.stack([y, y * 3], axis=1)),
    ("stack([x, x], axis: -1)", lambda: np.stack([x, x], axis=-1)),
    ("squeeze(c)", lambda: np.squeeze(c)),
    ("unsqueeze(y, 0)", lambda: np.expand_dims(y, 0)),
    ("expand_dims(x, -1)", lambda: np.expand_dims(x, -1)),
    ("where(x > 0, x, c)", lambda: np.where(x > 0, x, c)),
    ("where(b, i, 0)", lambda: np.where(b, i, 0)),
    ("where(x > 0, 1, 0)", lambda: np.where(x > 0, 1.0, 0.0)),
    ("x @ y", lambda: x @ y),
    ("m @ m", lambda: m @ m),
    ("y @ y", lambda: y @ y),
    ("y @ m", lambda: y @ m),
    ("t3.permute(0, 2, 1) @ m", lambda: np.transpose(t3, (0, 2, 1)) @ m),
    ("t3 @ t3.permute(0, 2, 1)", lambda: t3 @ np.transpose(t3, (0, 2, 1))),
    ("f[0:3] @ m", lambda: f[0:3] @ m),
    ("i @ i.T", lambda: i @ i.T),
    ("x.sum()", lambda: x.sum()),
    ("x.sum(axis: 0)", lambda: x.sum(axis=0)),
    ("t3.sum(axis: [0, 2])", lambda: t3.sum(axis=(0, 2))),
    ("t3.mean(axis: 1, keepdims: true)", lambda: t3.mean(axis=1, keepdims=True)),
    ("x.max(axis: 1)", lambda: x.max(axis=1)),
    ("x.min()", lambda: x.min()),
    ("t3.argmax(axis: 2)", lambda: t3.argmax(axis=2)),
    ("x.argmin()", lambda: x.argmin()),
    ("(x * c).argmax()", lambda: (x * c).argmax()),
    ("std(x, axis: 0)", lambda: np.std(x, axis=0)),
    ("variance(t3, axis: [1, 2], ddof: 1)", lambda: np.var(t3, axis=(1, 2), ddof=1)),
    ("x.std()", lambda: x.std()),
    ("norm(x)", lambda: np.linalg.norm(x)),
    ("norm(t3, axis: 2)", lambda: np.linalg.norm(t3, axis=2)),
    ("i.sum(axis: 1)", lambda: i.sum(axis=1)),
    ("i.max(axis: 0, keepdims: true)", lambda: i.max(axis=0, keepdims=True)),
    ("b.sum()", lambda: b.sum()),
    ("b.sum(axis: 0)", lambda: b.sum(axis=0)),
    ("f.mean()", lambda: f.mean()),
    ("f.sum(axis: 0)", lambda: f.sum(axis=0)),
    ("x.prod(axis: 0)", lambda: x.prod(axis=0)),
    ("arange(1, 2, 0.25{dev})", lambda: np.arange(1, 2, 0.25)),
    ("arange(5, dtype: \"i64\"{dev})", lambda: np.arange(5)),
    ("linspace(0, 1, 5{dev})", lambda: np.linspace(0, 1, 5)),
    ("eye(2, 3{dev})", lambda: np.eye(2, 3)),
    ("full([2, 2], 7, dtype: \"i64\"{dev})", lambda: np.full((2, 2), 7)),
    ("ones(2, dtype: \"f32\"{dev})", lambda: np.ones(2, dtype=np.float32)),
    ("zeros(2, 0{dev})", lambda: np.zeros((2, 0))),
    ("det(m)", lambda: np.linalg.det(m)),
    ("inv(m)", lambda: np.linalg.inv(m)),
    ("solve(m, y)", lambda: np.linalg.solve(m, y)),
    ("solve(m, x.T)", lambda: np.linalg.solve(m, x.T)),
    ("pinv(x)", lambda: np.linalg.pinv(x)),
    ("lstsq(x.T, tensor([1, 2, 3]))[0]", lambda: np.linalg.lstsq(x.T, np.array([1.0, 2, 3]), rcond=None)[0]),
    ("lstsq(x.T, tensor([1, 2, 3]))[1]", lambda: np.linalg.lstsq(x.T, np.array([1.0, 2, 3]), rcond=None)[1]),
    ("eigh(m)[0]", lambda: np.linalg.eigh(m)[0]),
    ("svd(x)[1]", lambda: np.linalg.svd(x)[1]),
    ("cholesky(m)", lambda: np.linalg.cholesky(m)),
    ("inv(f[0:2].reshape(2, 1) @ f[1:3].reshape(1, 2) + eye(2, dtype: \"f32\"))",
     lambda: np.linalg.inv(f[0:2].reshape(2, 1) @ f[1:3].reshape(1, 2) + np.eye(2, dtype=np.float32))),
]

DTYPES = {np.float64: "f64", np.float32: "f32", np.int64: "i64", np.bool_: "bool"}


def encode(expr, value):
    value = np.asarray(value)
    dtype = DTYPES[value.dtype.type]
    flat = value.reshape(-1)
    values = [bool(v) for v in flat] if dtype == "bool" else [float(v) for v in flat]
    return {"expr": expr, "scalar": value.ndim == 0, "shape": list(value.shape), "dtype": dtype, "values": values}


if __name__ == "__main__":
    out = {"numpy": np.__version__, "prelude": PRELUDE, "cases": [encode(e, fn()) for e, fn in CASES]}
    with open("numpy_cases.json", "w") as fh:
        json.dump(out, fh, indent=1)
    print(len(CASES), "cases")
