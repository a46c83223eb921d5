package dev.tangent.spark.extend;

import java.io.Serializable;

/**
 * Work done once per item of a collection (drdm's augmentation of one image), each item on some
 * executor. spark runs {@link #run} for the items whose outputs are not {@link #finished} yet, so a
 * rerun after a failure or a stopped job skips what is done; Spark retries a failed task, so run
 * may be called again for an item whose earlier attempt died midway.
 *
 * <p>What an implementation must give: Serializable state (it travels to the executors); outputs
 * written atomically (temp file and rename, dev.tangent.spi.AtomicFiles), so that finished never
 * sees half an output; the same outputs for the same item wherever it runs (randomness from
 * per-item seeds, not from the executor); and paths every executor can reach (a shared file
 * system). A TangentError thrown by run comes back to the script as its error.
 */
public interface ItemWork extends Serializable {
  /** True when the item's outputs are all there (then run is not called). */
  boolean finished(Object item);

  /** Does the item's work and writes its outputs. */
  void run(Object item);
}
