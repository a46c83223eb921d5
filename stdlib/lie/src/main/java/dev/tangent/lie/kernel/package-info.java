/**
 * The groups' numerics, following manif: one {@link dev.tangent.lie.kernel.LieGroup} per group on
 * flat {@code double[]} storage with offsets, Jacobian outputs last (null to skip), allocation-free
 * where it counts, so that the same kernels serve single elements and batches. Nothing here knows
 * the language; see the LieGroup Javadoc for the storage and Jacobian conventions.
 */
package dev.tangent.lie.kernel;
