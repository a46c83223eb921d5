/**
 * {@code import lie}: Lie groups for state estimation after manif. {@link dev.tangent.lie.LieModule}
 * exports the registered groups and the generic built-ins. The sub-packages are layers, from the
 * bottom up; each uses only the ones before it (repl's ArchitectureTest checks that no package
 * cycle exists):
 * <ol>
 *   <li>{@code kernel}: each group's numerics on flat {@code double[]} storage (no language types);
 *   <li>{@code algo}: interpolation, curves and averages on the kernels;
 *   <li>{@code value}: groups, elements and tangents as language values, the
 *       {@code GroupDescriptor} from which a group value reads everything specific to its group,
 *       and the single-value operations their operators run; nothing about batches, diff or
 *       built-ins, which reach the values through the small table {@code value.Layers};
 *   <li>{@code batch}: n elements or tangents as one value, run by the same kernels;
 *   <li>{@code diff}: {@code diff()}, forward mode through the analytic Jacobians;
 *   <li>{@code ops}: the built-ins every group shares (element, tangent and group members, the
 *       functions on elements), {@code LieBuiltin}, which routes tracked arguments to a
 *       differentiation rule, and the accessors descriptors are written with;
 *   <li>{@code groups}: the group registry, the built-in groups' descriptors and the functions
 *       that name groups (R, bundle, vee without a group);
 * </ol>
 * and this package, the module, on top. The registry wires the layers above the values into
 * {@code value.Layers} before it makes the first group value: an operator of a single element
 * whose other operand is a batch or a tracked value runs the batch or diff layer's code, and
 * every group value gets the members of {@code ops.GroupMembers}. Adding a group touches none of
 * it: see {@code value.GroupDescriptor}.
 */
package dev.tangent.lie;
