/**
 * A build as a sequence of data passes (moments, Jacobians per layer, edges) filling mergeable
 * accumulators, the closed forms of gated linear and attention sections, and the multi-threaded
 * runner.
 */
package dev.tangent.lib.build;
