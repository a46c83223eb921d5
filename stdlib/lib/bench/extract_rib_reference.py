"""Extracts reference values from the LIB paper's released seed-0 mod-add runs (ApolloResearch/rib
at 7a6199f, MIT licence) into the lib module's test resources.

Usage: python3 extract_rib_reference.py /path/to/rib-checkout OUT_DIR

Reads rib_scripts/rib_build/sample_configs_modadd/out/modular_arithmetic_{rib,pca}_seed0_rib_graph.pt
(torch.load) and the matching ablation JSON and label CSV files; writes
  modadd-seed0-reference.npz   means, Grams (f64), Λ (f64), C (f32), E_hat (f32) per node layer
  modadd-seed0-reference.json  ablation results, edge counts, the first Fourier labels per layer
Nothing here runs at test time: the tests read the two files.
"""
import csv
import json
import sys
from pathlib import Path

import numpy as np
import torch

rib = Path(sys.argv[1])
out = Path(sys.argv[2])
base = rib / "rib_scripts/rib_build/sample_configs_modadd/out"
arrays = {}
meta = {"source": "ApolloResearch/rib 7a6199f, rib_scripts/rib_build/sample_configs_modadd/out (MIT licence)"}
for kind in ["rib", "pca"]:
    g = torch.load(base / f"modular_arithmetic_{kind}_seed0_rib_graph.pt", map_location="cpu", weights_only=False)
    dims = {}
    for ir in g["interaction_rotations"]:
        name = ir["node_layer"]
        if ir["C"] is None:
            continue
        # LIB bases in f64 (the layer-by-layer checks start from them), PCA bases in f32.
        arrays[f"{kind}.{name}.C"] = ir["C"].numpy().astype(np.float64 if kind == "rib" else np.float32)
        dims[name] = int(ir["C"].shape[1])
        if ir["Lambda"] is not None:
            arrays[f"{kind}.{name}.Lambda"] = ir["Lambda"].numpy().astype(np.float64)
        arrays[f"{kind}.{name}.W_dim"] = np.array([ir["W"].shape[1]], dtype=np.int64)
    for e in g["edges"]:
        arrays[f"{kind}.edges.{e['in_node_layer']}"] = e["E_hat"].numpy().astype(np.float32)
    if kind == "rib":
        for name, v in g["mean_vectors"].items():
            arrays[f"mean.{name}"] = v.numpy().astype(np.float64)
        for name, v in g["gram_matrices"].items():
            arrays[f"gram.{name}"] = v.numpy().astype(np.float64)
    node = json.load(open(base / f"modular_arithmetic_node_{kind}_seed0_rib_ablation_results.json"))
    edge = json.load(open(base / f"modular_arithmetic_{kind}_seed0_edge_ablation_results.json"))
    with open(base / f"modular_arithmetic_{kind}_seed0_labels.csv") as f:
        rows = list(csv.reader(f))
    meta[kind] = {
        "dims": dims,
        "node_ablation": node["results"],
        "no_ablation_accuracy": node["no_ablation_result"],
        "edges_required": edge["n_edges_required"],
        "edge_ablation": edge["results"],
        "labels": {layer: row[:16] for layer, row in zip(["ln1.0", "ln2.0", "unembed", "output"], rows)},
    }
np.savez_compressed(out / "modadd-seed0-reference.npz", **arrays)
json.dump(meta, open(out / "modadd-seed0-reference.json", "w"), indent=1)
print("wrote", sorted(arrays))
