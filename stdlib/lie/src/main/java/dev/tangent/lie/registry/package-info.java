/**
 * A Lie group in one place. A group is its kernels ({@code dev.tangent.lie.kernel}) plus one
 * {@link dev.tangent.lie.registry.GroupDescriptor}: its constructor, printing, help and accessors,
 * and the facts generic code needs (quaternion and unit-complex offsets, angle blocks, rotation
 * blocks of the matrix form, the coefficient Jacobian, where points sit in the matrix form, how to
 * recognise its Lie algebra). {@link dev.tangent.lie.registry.GroupRegistry} finds the named groups
 * with ServiceLoader and makes the R(n) and bundle families; {@link dev.tangent.lie.registry.CoeffBlocks}
 * has the usual blocks of coefficient Jacobians. Registering a group needs nothing else.
 */
package dev.tangent.lie.registry;
