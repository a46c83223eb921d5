/**
 * Groups, elements and tangents as language values, on the kernels alone:
 * {@link dev.tangent.lie.value.GroupValue} (the type and constructor SE3, with members),
 * {@link dev.tangent.lie.value.Element} and {@link dev.tangent.lie.value.TangentValue} (immutable,
 * with manif's operators), the tangent types (SE3.Tangent), {@link dev.tangent.lie.value.Values}
 * (the checked conversions from lists and tensors), and {@link dev.tangent.lie.value.ElementOps}
 * and {@link dev.tangent.lie.value.TangentOps}, the single-value operations with their Jacobians
 * that operators and methods run.
 *
 * <p>What differs between groups is read from the group's
 * {@link dev.tangent.lie.value.GroupDescriptor}, which lives here because a group value and its
 * descriptor refer to each other; {@link dev.tangent.lie.value.CoeffBlocks} has the usual blocks
 * of a descriptor's coefficient Jacobian.
 *
 * <p>This package knows no layer above it. Operators whose other operand is a batch or a value
 * tracked by diff(), tangents built from tracked vectors, type checks of tracked values and the
 * members every group value has go through {@link dev.tangent.lie.value.Layers}, a table of three
 * slots that the group registry fills before it makes the first group value.
 */
package dev.tangent.lie.value;
