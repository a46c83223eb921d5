/**
 * Batches: n elements or n tangents of one group as one value, stored as one flat array and run
 * element by element by the same kernels (split over the cores for large n), with Jacobians as
 * n x rows x cols tensors. Operators broadcast a single element or tangent either way: a single
 * value hands an operator with a batch to {@link dev.tangent.lie.batch.BatchOperands} through
 * {@code value.Layers}. Uses the values, the kernels and algo; a value tracked by diff() is
 * refused here by asking {@code Layers.tracked()}, since diff is a layer above.
 */
package dev.tangent.lie.batch;
