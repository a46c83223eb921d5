package dev.tangent.spark.driver;

import dev.tangent.spark.exec.JavaWork;
import dev.tangent.spark.extend.Accumulation;
import dev.tangent.spark.extend.ItemWork;
import dev.tangent.spark.value.Distributed;
import dev.tangent.spark.value.Session;
import dev.tangent.spi.Context;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Types;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * The entry for other modules' Java work on a cluster (lib.build(..., session: s),
 * drdm.augment(..., session: s)): their items as a distributed collection, an {@link Accumulation}
 * reduced over it in a tree, {@link ItemWork} done per item. Each runs as a Spark action of the
 * script: with progress over its tasks, cancelled by an interrupt, a task's TangentError coming
 * back as the script's error.
 */
public final class Distribute {
  private Distribute() {}

  /**
   * The items of a list (Tangent values: tensors, numbers, strings, lists...) as a distributed
   * collection of the given session (a spark Session value), in that many partitions.
   */
  public static Distributed parallelize(Context ctx, Object session, List<?> items, int partitions) {
    SessionHandle h = handle(session);
    return Collections.parallelize(ctx, h, items, partitions);
  }

  /** The accumulation of every item of a collection, merged in a tree of the given depth (2 is Spark's default). */
  public static <A extends Serializable> A treeAggregate(Context ctx, Object distributed, Accumulation<A> acc, int depth) {
    Distributed d = distributed(distributed);
    if (depth < 1) throw TangentError.runtime("tree aggregation depth must be at least 1, got " + depth);
    JavaRDD<Object> r = Collections.rdd(d);
    return Jobs.run(ctx, (SessionHandle) d.session, "tree_aggregate", d.functions,
        () -> r.treeAggregate(acc.zero(), new JavaWork.Add<>(acc), new JavaWork.Merge<>(acc), depth));
  }

  /** Does work for every item not yet finished; returns {ran, skipped}. */
  public static long[] forEach(Context ctx, Object distributed, ItemWork work) {
    Distributed d = distributed(distributed);
    JavaRDD<Object> r = Collections.rdd(d);
    List<long[]> parts = Jobs.run(ctx, (SessionHandle) d.session, "for_each", d.functions,
        () -> r.mapPartitions(new JavaWork.Each(work)).collect());
    long ran = 0;
    long skipped = 0;
    for (long[] p : parts) {
      ran += p[0];
      skipped += p[1];
    }
    return new long[] {ran, skipped};
  }

  private static SessionHandle handle(Object session) {
    if (!(session instanceof Session s)) throw TangentError.runtime("session: must be a spark Session, got " + Types.typeName(session));
    return (SessionHandle) s.handle;
  }

  private static Distributed distributed(Object d) {
    if (!(d instanceof Distributed x)) throw TangentError.runtime("expected a distributed collection, got " + Types.typeName(d));
    return x;
  }
}
