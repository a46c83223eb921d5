/**
 * diff(f, args...): forward-mode differentiation of whole expressions. Tracked numbers, vectors,
 * elements and tangents carry their Jacobian with respect to diff's stacked input tangent; every
 * Lie operation chains its analytic right Jacobian (elements are perturbed on their right tangent),
 * with no finite differences. Uses the values and batches (which it refuses); plain elements and
 * tangents hand an operator with a tracked operand to {@link dev.tangent.lie.diff.TrackedOperands}
 * through {@code value.Layers}, and element methods are called by name through the interpreter's
 * type registry, where the built-ins layer ({@code ops}) put them with their differentiation rules.
 */
package dev.tangent.lie.diff;
