package dev.tangent.spark.exec;

import dev.tangent.spark.extend.Accumulation;
import dev.tangent.spark.extend.ItemWork;
import dev.tangent.spi.TangentError;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;

/** The Spark functions that run other modules' Java work (extend) in tasks. */
public final class JavaWork {
  private JavaWork() {}

  /** An accumulation's add, as Spark's seqOp; a TangentError becomes the task's error. */
  public static final class Add<A extends Serializable> implements Function2<A, Object, A> {
    private static final long serialVersionUID = 1L;
    private final Accumulation<A> acc;

    public Add(Accumulation<A> acc) { this.acc = acc; }

    @Override public A call(A a, Object item) {
      ExecutorRuntime.checkKilled(TaskContext.get());
      try {
        return acc.add(a, item);
      } catch (TangentError e) {
        throw ExecutorRuntime.remote(e);
      }
    }
  }

  /** An accumulation's merge, as Spark's combOp. */
  public static final class Merge<A extends Serializable> implements Function2<A, A, A> {
    private static final long serialVersionUID = 1L;
    private final Accumulation<A> acc;

    public Merge(Accumulation<A> acc) { this.acc = acc; }

    @Override public A call(A left, A right) {
      try {
        return acc.merge(left, right);
      } catch (TangentError e) {
        throw ExecutorRuntime.remote(e);
      }
    }
  }

  /** Per-item work over a partition; yields one [ran, skipped] pair per partition. */
  public static final class Each implements FlatMapFunction<Iterator<Object>, long[]> {
    private static final long serialVersionUID = 1L;
    private final ItemWork work;

    public Each(ItemWork work) { this.work = work; }

    @Override public Iterator<long[]> call(Iterator<Object> items) {
      TaskContext tc = TaskContext.get();
      long ran = 0;
      long skipped = 0;
      while (items.hasNext()) {
        ExecutorRuntime.checkKilled(tc);
        Object item = items.next();
        try {
          if (work.finished(item)) {
            skipped++;
          } else {
            work.run(item);
            ran++;
          }
        } catch (TangentError e) {
          throw ExecutorRuntime.remote(e);
        }
      }
      return List.of(new long[] {ran, skipped}).iterator();
    }
  }
}
