/**
 * {@code import lie}: Lie groups for state estimation after manif. {@link dev.tangent.lie.LieModule}
 * exports the registered groups and the generic built-ins. The sub-packages, from the bottom up:
 * <ul>
 *   <li>{@code kernel}: each group's numerics on flat {@code double[]} storage (no language types);
 *   <li>{@code algo}: interpolation, curves and averages on the kernels;
 *   <li>{@code registry}: what a group declares ({@code GroupDescriptor}) and where the groups are
 *       found ({@code GroupRegistry});
 *   <li>{@code groups}: the descriptors of the built-in groups and of the R(n) and bundle families;
 *   <li>{@code value}: groups, elements and tangents as language values;
 *   <li>{@code ops}: the built-ins (element, tangent and group members, module functions);
 *   <li>{@code batch}: n elements or tangents as one value, run by the same kernels;
 *   <li>{@code diff}: {@code diff()}, forward mode through the analytic Jacobians.
 * </ul>
 * kernel and algo depend on nothing of the rest. The language layer (value, ops, batch, diff)
 * references itself both ways: values dispatch their operators to batches and tracked values,
 * which are made of values. Adding a group touches none of it: see {@code registry}.
 */
package dev.tangent.lie;
