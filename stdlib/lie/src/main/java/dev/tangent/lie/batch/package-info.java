/**
 * Batches: n elements or n tangents of one group as one value, stored as one flat array and run
 * element by element by the same kernels (split over the cores for large n), with Jacobians as
 * n x rows x cols tensors. Operators broadcast a single element or tangent either way.
 */
package dev.tangent.lie.batch;
