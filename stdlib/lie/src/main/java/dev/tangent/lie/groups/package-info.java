/**
 * The built-in groups' descriptors, one class each (SO2, SE2, SO3, SE3, SE_2_3, SGal3, registered in
 * this module's META-INF/services), and those of the families R(n) and bundles, which the registry
 * makes on demand (a bundle's facts are its parts' facts at the parts' offsets).
 */
package dev.tangent.lie.groups;
