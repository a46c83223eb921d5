/**
 * The module's built-ins, the same for every group: element methods (compose, log, act... each
 * with jac: true), tangent methods, group members (G.exp, G.random, G.from_matrix...; given to
 * every group value through {@code value.Layers}), the functions on elements (interpolate,
 * average, covariance helpers, diff), and the accessor builders the descriptors use.
 * {@link dev.tangent.lie.ops.LieBuiltin} makes every built-in, so that values tracked by diff()
 * reach them only through a differentiation rule. Uses values, batches, diff, algo and kernels;
 * the group registry is a layer above (functions that name groups are in {@code groups}).
 */
package dev.tangent.lie.ops;
