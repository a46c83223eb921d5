/**
 * Algorithms on any group's kernels: interpolation (slerp, cubic Hermite, manif's CN-smooth),
 * Bezier and De Casteljau curves, and averages (bi-invariant, Frechet, manif's).
 */
package dev.tangent.lie.algo;
