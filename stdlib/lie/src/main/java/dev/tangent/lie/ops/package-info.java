/**
 * The module's built-ins, the same for every group: element methods (compose, log, act... each
 * with jac: true), tangent methods, group members (G.exp, G.random, G.from_matrix...), module
 * functions (R, bundle, vee, interpolate, average, covariance helpers), and the accessor builders
 * the descriptors use. {@link dev.tangent.lie.ops.LieBuiltin} makes every built-in, so that values
 * tracked by diff() reach them only through a differentiation rule.
 */
package dev.tangent.lie.ops;
