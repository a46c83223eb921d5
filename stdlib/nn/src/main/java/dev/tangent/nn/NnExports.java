package dev.tangent.nn;

import dev.tangent.nn.autograd.GradFunction;
import dev.tangent.nn.engine.Errors;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.optim.Optimizer;
import dev.tangent.nn.transformer.HookedTransformer;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;

/**
 * Every export of the nn module: signature, doc and a lambda into the implementation class.
 * The declarations live apart from the code that uses DJL on purpose: loading this class must not
 * load DJL, and a lambda's body (unlike a method reference) resolves its target only when it runs.
 */
final class NnExports {
  private NnExports() {}

  /** A built-in whose engine failures come out as one-line Tangent errors naming it. */
  static Builtin fn(String sig, String doc, Builtin.Impl impl) {
    String name = sig.substring(0, sig.indexOf('('));
    return Builtin.of(sig, doc, a -> {
      try {
        return impl.apply(a);
      } catch (RuntimeException e) {
        throw Errors.translate(name, e);
      }
    });
  }

  static void define(ModuleBuilder m) {
    m.value("DTensor", NnTypes.DTENSOR, NnTypes.DTENSOR.doc());
    m.value("Block", NnTypes.BLOCK, NnTypes.BLOCK.doc());
    m.value("Optimizer", NnTypes.OPTIMIZER, NnTypes.OPTIMIZER.doc());
    arrays(m);
    layers(m);
    training(m);
    models(m);
    m.type(DTensor.class, NnTypes.DTENSOR);
    DTensorExports.define(m.type(DTensor.class, NnTypes.DTENSOR));
    BlockExports.define(m.type(Block.class, NnTypes.BLOCK), m.type(HookedTransformer.class, NnTypes.BLOCK));
    BlockExports.defineOptimizer(m.type(Optimizer.class, NnTypes.OPTIMIZER));
    m.type(GradFunction.class, dev.tangent.spi.Types.FUNCTION);
  }

  private static void arrays(ModuleBuilder m) {
    m.functions(
        fn("dtensor(x, dtype=nil, *, device=nil, requires_grad=false, share=false)",
            "A DTensor from a Tensor, a DTensor or nested lists: floats become f32 unless dtype: \"f64\"; integers stay i64. "
                + "With share: true, a Tensor in native memory (a large one, on ND4J) of the same element type is "
                + "shared on the CPU instead of copied (docs/tensors.md).",
            a -> ArrayImpl.dtensor(a)),
        fn("param(x, dtype='f32', *, device=nil)",
            "A trainable parameter (a DTensor that requires a gradient) from a Tensor or DTensor.",
            a -> ArrayImpl.param(a)),
        fn("seed(n)", "Seeds nn's random stream (initialisation, dropout). Each interpreter starts at seed 0.",
            a -> ArrayImpl.seed(a)),
        fn("device(name=nil)",
            "The default device for new layers and arrays; with a name (\"cpu\", \"gpu\", \"gpu:1\", \"auto\") sets it. "
                + "\"gpu\" needs PyTorch natives built with CUDA; \"auto\" falls back to the CPU with a warning.",
            a -> ArrayImpl.device(a)),
        fn("info()", "The engine in use: PyTorch and DJL versions and features.", a -> ArrayImpl.info(a)),
        fn("no_grad(f)", "Calls f() with gradient recording off (evaluation, manual updates) and returns its result.",
            a -> ArrayImpl.noGrad(a)),
        fn("accuracy(logits, labels)", "The fraction of rows whose argmax over the last axis equals the label.",
            a -> ArrayImpl.accuracy(a)));
  }

  private static void layers(ModuleBuilder m) {
    String common = " Keyword dtype: \"f32\" (default) or \"f64\"; device: as nn.device().";
    m.functions(
        fn("linear(in_features, out_features, bias=true, *, dtype=nil, device=nil)",
            "y = x Wᵀ + b over the last axis; W is [out, in] as in PyTorch." + common, a -> LayerImpl.linear(a)),
        fn("conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=true, *, dtype=nil, device=nil)",
            "2-D convolution of [N, C, H, W]. Sizes are a number or a list per axis." + common, a -> LayerImpl.conv(a, 2, false)),
        fn("conv3d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=true, *, dtype=nil, device=nil)",
            "3-D convolution of [N, C, D, H, W]." + common, a -> LayerImpl.conv(a, 3, false)),
        fn("conv_transpose2d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, dilation=1, groups=1, bias=true, *, dtype=nil, device=nil)",
            "2-D transposed convolution (PyTorch's ConvTranspose2d, weight [Cin, Cout/groups, kH, kW]); "
                + "built from zero-insertion upsampling and a convolution, and differentiable." + common,
            a -> LayerImpl.conv(a, 2, true)),
        fn("conv_transpose3d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, dilation=1, groups=1, bias=true, *, dtype=nil, device=nil)",
            "3-D transposed convolution." + common, a -> LayerImpl.conv(a, 3, true)),
        fn("instance_norm(num_features, eps=1e-5, affine=false, *, dtype=nil, device=nil)",
            "Instance normalisation of [N, C, ...]: per sample and channel, (x - mean) / sqrt(var + eps) over the "
                + "spatial axes, then weight and bias per channel when affine." + common, a -> LayerImpl.instanceNorm(a)),
        fn("batch_norm(num_features, eps=1e-5, momentum=0.1, *, dtype=nil, device=nil)",
            "Batch normalisation over axis 1 with running statistics (train/eval modes as PyTorch)." + common,
            a -> LayerImpl.batchNorm(a)),
        fn("layer_norm(normalized_shape, eps=1e-5, *, dtype=nil, device=nil)",
            "Layer normalisation over the trailing axes (a size or a list of sizes)." + common, a -> LayerImpl.layerNorm(a)),
        fn("embedding(num_embeddings, embedding_dim, *, dtype=nil, device=nil)",
            "A lookup table of vectors indexed by integer tokens." + common, a -> LayerImpl.embedding(a)),
        fn("attention(d_model, n_heads, d_head=nil, causal=false, *, dtype=nil, device=nil)",
            "Multi-head self-attention (TransformerLens layout W_Q [heads, d_model, d_head]...), scores q·k/sqrt(d_head), "
                + "optionally causal. Input [batch, pos, d_model]." + common, a -> LayerImpl.attention(a)),
        fn("relu(x=nil)", "max(x, 0); without x, a ReLU block for sequential().", a -> LayerImpl.activation(a, "relu", 0)),
        fn("leaky_relu(x=nil, slope=0.01)", "x for x > 0, slope x otherwise; without x, a block.",
            a -> LayerImpl.activation(a, "leaky_relu", a.num(1, 0.01))),
        fn("gelu(x=nil, approximate='none')", "Gaussian error linear unit (exact erf form, or approximate: \"tanh\"); without x, a block.",
            a -> LayerImpl.activation(a, "tanh".equals(a.str(1, "none")) ? "gelu_tanh" : "gelu", 0)),
        fn("softmax(x=nil, axis=-1)", "exp(x) / sum(exp(x)) along axis; without x, a block.",
            a -> LayerImpl.activation(a, "softmax", a.integer(1, -1))),
        fn("log_softmax(x=nil, axis=-1)", "log(softmax(x)) computed stably; without x, a block.",
            a -> LayerImpl.activation(a, "log_softmax", a.integer(1, -1))),
        fn("dropout(p=0.5, x=nil)",
            "A dropout block that zeroes elements with probability p in training mode; dropout(p, x) applies it to x now.",
            a -> LayerImpl.dropout(a)),
        fn("sequential(*blocks)", "Blocks (or parameter-free functions) applied in order: sequential(linear(2, 8), relu(), linear(8, 1)).",
            a -> LayerImpl.sequential(a)),
        fn("block(f, params={})",
            "A block written in Tangent: f(params, x...) with params a map of DTensors/Tensors (trained) and Blocks.",
            a -> LayerImpl.block(a)),
        fn("conv(x, weight, bias=nil, stride=1, padding=0, dilation=1, groups=1)",
            "Functional convolution (2-D or 3-D by the weight's rank).", a -> LayerImpl.convFn(a, false)),
        fn("conv_transpose(x, weight, bias=nil, stride=1, padding=0, output_padding=0, dilation=1, groups=1)",
            "Functional transposed convolution (weight [Cin, Cout/groups, k...]).", a -> LayerImpl.convFn(a, true)));
  }

  private static void training(ModuleBuilder m) {
    m.functions(
        fn("mse(pred, target, reduction='mean')", "Mean squared error (reduction \"mean\", \"sum\" or \"none\").",
            a -> TrainImpl.loss(a, "mse")),
        fn("l1(pred, target, reduction='mean')", "Mean absolute error.", a -> TrainImpl.loss(a, "l1")),
        fn("cross_entropy(logits, labels, reduction='mean')",
            "Cross-entropy of logits [.., classes] (classes on the last axis) with integer labels [..] or probabilities.",
            a -> TrainImpl.loss(a, "cross_entropy")),
        fn("grad(f)", "The gradient function of a scalar-valued f: grad(f)(p, ...) is df/dp, shaped like p "
            + "(a DTensor, Tensor, list or map of them, or a Block: then a map of parameter names).",
            a -> new GradFunction(a.callable(0), false)),
        fn("value_and_grad(f)", "Like grad(f), but returns (f(p, ...), df/dp).", a -> new GradFunction(a.callable(0), true)),
        fn("sgd(params, lr=0.01, momentum=0, weight_decay=0, nesterov=false)",
            "Stochastic gradient descent (PyTorch's SGD). params: a Block, a list or a map of parameters.",
            a -> TrainImpl.sgd(a)),
        fn("adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0)",
            "Adam (PyTorch's update; weight_decay is L2 added to the gradient).", a -> TrainImpl.adam(a, false, 0)),
        fn("adamw(params, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)",
            "AdamW: Adam with decoupled weight decay.", a -> TrainImpl.adam(a, true, 0.01)),
        fn("train(model, data, loss='cross_entropy', optimizer=nil, *, epochs=1, batch_size=32, shuffle=true, seed=nil, "
                + "checkpoint=nil, checkpoint_every=100, resume=true, progress='auto')",
            "Trains model on data = (inputs, targets) in minibatches (a seeded shuffle per epoch). loss: \"cross_entropy\", "
                + "\"mse\", \"l1\" or f(pred, target). optimizer defaults to adam(model). Shows a progress bar "
                + "(plain lines under CI; progress: \"bar\", \"lines\" or \"none\"). With checkpoint: path.safetensors it "
                + "saves atomically every checkpoint_every steps and, when the file exists, resumes from it exactly. "
                + "Returns {steps, epochs, loss, history, resumed_from, seconds, steps_per_second}.",
            a -> TrainImpl.train(a)));
  }

  private static void models(ModuleBuilder m) {
    m.functions(
        fn("load_transformer(path, n_heads=nil, act='relu', causal=true, *, dtype=nil, device=nil)",
            "A TransformerLens-layout transformer from .npz or .safetensors weights (embed.W_E, pos_embed.W_pos, "
                + "blocks.N.attn.W_Q..., unembed.W_U), sizes inferred from the shapes. model(tokens) gives logits "
                + "[batch, pos, vocab]; model.run_with_cache(tokens) also returns every hook activation.",
            a -> ModelImpl.loadTransformer(a)),
        fn("load_torchscript(path, *, device=nil)", "A TorchScript module (torch.jit.save) as a block.",
            a -> ModelImpl.loadTorchScript(a)),
        fn("save_weights(path, model)", "Writes a Block's state dict (or a map of DTensors/Tensors) to .npz or .safetensors, atomically.",
            a -> ModelImpl.saveWeights(a)),
        fn("load_weights(path)", "A map of name to DTensor from a .npz or .safetensors file.", a -> ModelImpl.loadWeights(a)));
  }
}
