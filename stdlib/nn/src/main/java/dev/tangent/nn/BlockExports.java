package dev.tangent.nn;

import static dev.tangent.nn.NnExports.fn;

import dev.tangent.spi.TypeInfo;

/** Methods of Block, HookedTransformer and Optimizer (declarations only; see NnExports). */
final class BlockExports {
  private BlockExports() {}

  static void define(TypeInfo block, TypeInfo transformer) {
    block.property(fn("n_params(self)", "The number of trainable numbers.", a -> BlockImpl.nParams(a)))
        .property(fn("training(self)", "True in training mode (dropout active, batch norm on batch statistics).",
            a -> BlockImpl.training(a)))
        .method(fn("parameters(self)", "The trainable parameters, as a list of DTensors.", a -> BlockImpl.parameters(a)))
        .method(fn("named_parameters(self)", "A map from PyTorch-style name (\"0.weight\") to parameter.", a -> BlockImpl.namedParameters(a)))
        .method(fn("state_dict(self)", "Parameters and buffers (running statistics) by name.", a -> BlockImpl.stateDict(a)))
        .method(fn("load_state_dict(self, weights, strict=true)",
            "Copies values from a map of name to Tensor/DTensor into the parameters, in place.", a -> BlockImpl.loadStateDict(a)))
        .method(fn("save(self, path)", "Writes the state dict to .npz or .safetensors (atomically).", a -> BlockImpl.save(a)))
        .method(fn("load(self, path, strict=true)", "Reads a state dict from .npz or .safetensors into the model, in place.",
            a -> BlockImpl.load(a)))
        .method(fn("train(self)", "Training mode (dropout on, batch norm on batch statistics); returns self.", a -> BlockImpl.mode(a, true)))
        .method(fn("eval(self)", "Evaluation mode; returns self.", a -> BlockImpl.mode(a, false)))
        .method(fn("zero_grad(self)", "Zeroes every parameter's gradient.", a -> BlockImpl.zeroGrad(a)))
        .method(fn("to(self, device)", "Moves the parameters to a device (create optimisers afterwards); returns self.",
            a -> BlockImpl.to(a)));
    transformer
        .property(fn("hook_names(self)", "Every hook point, in the order the forward pass reaches them.", a -> BlockImpl.hookNames(a)))
        .method(fn("run_with_cache(self, tokens, names=nil)",
            "(logits, cache): cache maps hook names (\"blocks.0.hook_resid_pre\", \"blocks.0.attn.hook_pattern\"...) to "
                + "the activations; names (a list or a function of the name) limits what is kept.",
            a -> BlockImpl.runWithCache(a)))
        .method(fn("run_with_hooks(self, tokens, hooks)",
            "Logits with hook functions applied: hooks maps a hook name to f(activation, name), which returns a "
                + "replacement DTensor of the same shape or nil to keep it.", a -> BlockImpl.runWithHooks(a)));
  }

  static void defineOptimizer(TypeInfo t) {
    t.method(fn("step(self)", "Updates every parameter that has a gradient.", a -> BlockImpl.optStep(a)))
        .method(fn("zero_grad(self)", "Zeroes the parameters' gradients.", a -> BlockImpl.optZero(a)))
        .property(fn("lr(self)", "The learning rate.", a -> BlockImpl.optLr(a)))
        .method(fn("set_lr(self, lr)", "Changes the learning rate (schedules).", a -> BlockImpl.optSetLr(a)));
  }
}
