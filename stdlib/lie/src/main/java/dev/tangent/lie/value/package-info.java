/**
 * Groups, elements and tangents as language values: {@link dev.tangent.lie.value.GroupValue} (the
 * type and constructor SE3, with members), {@link dev.tangent.lie.value.Element} and
 * {@link dev.tangent.lie.value.TangentValue} (immutable, with manif's operators), the tangent types
 * (SE3.Tangent), and {@link dev.tangent.lie.value.Values}, the checked conversions from lists and
 * tensors. What differs between groups is read from the group's descriptor.
 */
package dev.tangent.lie.value;
