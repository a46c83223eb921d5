/**
 * diff(f, args...): forward-mode differentiation of whole expressions. Tracked numbers, vectors,
 * elements and tangents carry their Jacobian with respect to diff's stacked input tangent; every
 * Lie operation chains its analytic right Jacobian (elements are perturbed on their right tangent),
 * with no finite differences.
 */
package dev.tangent.lie.diff;
