package dev.tangent.io.data;

/**
 * A stage of a dataset pipeline. Sources that can read any element cheaply (in memory, an
 * uncompressed file) offer random access, which full shuffles and seeded splits use; the others
 * (gzip streams) are read front to back. Errors are TangentErrors that name the file.
 */
public interface Source {
  /** The number of elements, or -1 when unknown. */
  long size();

  boolean randomAccess();

  /** Reads any element (random-access sources only); close it at the end of the pass. */
  default RandomReader random() {
    throw new UnsupportedOperationException("not a random-access source");
  }

  interface RandomReader extends AutoCloseable {
    Element get(long i);

    @Override default void close() {}
  }

  /** One pass over the elements; {@code epoch} counts the passes, for reshuffling. */
  ElementIterator open(int epoch);

  /** A short account for the dataset's repr, e.g. "idx(train-images-idx3-ubyte.gz, ...)". */
  String describe();

  /** The name of one pass in a progress bar. */
  default String unit() { return "samples"; }
}
