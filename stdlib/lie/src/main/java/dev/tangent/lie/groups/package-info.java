/**
 * The groups: {@link dev.tangent.lie.groups.GroupRegistry}, which finds the named groups with
 * ServiceLoader, makes the R(n) and bundle families on demand (one group value per group) and wires
 * the layers into {@code value.Layers}; the built-in groups' descriptors, one class each (SO2,
 * SE2, SO3, SE3, SE_2_3, SGal3, registered in this module's META-INF/services), and those of the
 * families (a bundle's facts are its parts' facts at the parts' offsets); and
 * {@link dev.tangent.lie.groups.GroupFunctions}, the module functions that name groups (R, bundle,
 * vee without a group).
 *
 * <p>The registry and the descriptors are one layer, not two: the registry makes the families'
 * descriptors, and descriptors return elements of other registered groups (SE3's X.so3() is an
 * SO3 element, whose group value the registry holds). They sit above the built-ins they are
 * written with ({@code ops}) and below the module.
 */
package dev.tangent.lie.groups;
