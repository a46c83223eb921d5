"""Times the authors' LIB code (ApolloResearch/rib) on the seed-0 mod-add build, for the side-by-side
benchmark (modadd_vs_rib.sh). Nothing of rib is copied here: the script imports a rib checkout.

Usage: PYTHONPATH=rib_shims:RIB_DIR python3 rib_modadd.py RIB_DIR {all|train} BATCH {jacobian|svd} THREADS

rib runs its own rib_build() with its paper configuration (modular_arithmetic_rib_seed0.yaml:
node layers ln1.0 ln2.0 unembed output, last_pos add_resid1, float64, gradient integration,
center, squared edges), changing only the data set (all 12769 pairs, or its 30 % train split), the
batch size and the basis. rib_shims holds import stand-ins for packages rib imports but this build
never uses (mpi4py with one process, transformers, datasets, torchvision), fancy_einsum's
named-axes einsum, and the weights container of transformer_lens.HookedTransformer that rib's loader
reads the checkpoint into. Prints one line: seconds, peak RSS in MB, and rib's own stage times.
"""
import resource
import sys
import tempfile
import time
from pathlib import Path

import torch
import yaml

rib_dir, data, batch, basis, threads = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
torch.set_num_threads(threads)
import rib.rib_builder as rb  # noqa: E402

cfg = yaml.safe_load(open(rib_dir / "rib_scripts/rib_build/sample_configs_modadd/modular_arithmetic_rib_seed0.yaml"))
cfg["tlens_model_path"] = str(rib_dir / cfg["tlens_model_path"])
cfg["out_dir"] = tempfile.mkdtemp()
cfg["exp_name"] = f"bench_{data}_{basis}_{batch}"
cfg["batch_size"] = batch
cfg["basis_formula"] = basis
cfg["dataset"]["return_set"] = data
start = time.time()
res = rb.rib_build(rb.RibBuildConfig(**cfg), force=True)
seconds = time.time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
dims = [ir.C.shape[1] for ir in res.interaction_rotations if ir.C is not None]
print(f"rib {data} {basis} batch {batch}: {seconds:.2f} s, peak {peak:.0f} MB, grams {res.calc_grams_time * 60:.2f} s, "
      f"Cs {(res.calc_C_time or 0) * 60:.2f} s, edges {(res.calc_edges_time or 0) * 60:.2f} s, widths {dims}")
