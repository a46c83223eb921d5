"""The part of transformer_lens.HookedTransformer that rib's loader uses for a TransformerLens
checkpoint: a config with TransformerLens's defaults and the weights by module path
(embed.W_E, blocks[0].attn.W_Q, ...). It holds tensors only; every computation is rib's."""
import types

import torch

DEFAULTS = dict(eps=1e-5, use_attn_scale=True, use_split_qkv_input=False, use_local_attn=False,
                positional_embedding_type="standard", rotary_dim=None, parallel_attn_mlp=False,
                original_architecture=None, model_name="custom", normalization_type=None)


class _Cfg(types.SimpleNamespace):
    def to_dict(self):
        return dict(vars(self))


class HookedTransformer:
    def __init__(self, cfg, move_to_device=True):
        d = dict(DEFAULTS)
        d.update(cfg)
        self.cfg = _Cfg(**d)

    def load_state_dict(self, sd):
        def node():
            return types.SimpleNamespace()
        self.embed, self.pos_embed, self.unembed = node(), node(), node()
        self.blocks = [types.SimpleNamespace(attn=node(), mlp=node()) for _ in range(self.cfg.n_layers)]
        dtype = self.cfg.dtype
        # Parameters take the model's dtype; TransformerLens keeps its IGNORE buffer in float32.
        for key, value in sd.items():
            if value.is_floating_point() and not key.endswith("IGNORE"):
                value = value.to(dtype)
            parts = key.split(".")
            if parts[0] == "blocks":
                target = getattr(self.blocks[int(parts[1])], parts[2])
            else:
                target = getattr(self, parts[0])
            setattr(target, parts[-1], value)
