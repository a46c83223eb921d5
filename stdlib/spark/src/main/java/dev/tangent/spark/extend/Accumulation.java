package dev.tangent.spark.extend;

import java.io.Serializable;

/**
 * A mergeable accumulator that a module (lib's Gram, M' and edge sums) hands to spark: each
 * partition folds its items into a fresh {@link #zero()} on an executor, and partial results are
 * merged in a tree on the executors before the driver receives a few (Spark's treeAggregate).
 *
 * <p>What an implementation must give: an object that is {@link Serializable} (it travels to the
 * executors), partial results {@code A} that are Serializable too (they travel between executors
 * and back), and a {@link #merge} that is associative and commutative, so that any partitioning
 * and merge order gives the same result up to rounding. Classes must be on the executors' class
 * path (they are when the module's jar is, as every Tangent module's is on a Tangent cluster).
 *
 * @param <A> the partial result (e.g. a Gram matrix and a count)
 */
public interface Accumulation<A extends Serializable> extends Serializable {
  /** An empty partial result; called once per partition, on the executor. */
  A zero();

  /**
   * Adds one item (a Tangent value of the collection: a tensor batch, a list...) to acc; may change
   * acc in place and return it.
   */
  A add(A acc, Object item);

  /** The partial result of both; may change left in place and return it. */
  A merge(A left, A right);
}
