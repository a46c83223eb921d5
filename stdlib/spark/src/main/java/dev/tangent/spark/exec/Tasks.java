package dev.tangent.spark.exec;

import dev.tangent.spark.ship.Codec;
import dev.tangent.spark.ship.Shipment;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/**
 * The functions Spark runs in tasks. Elements inside a stage are live Tangent values; where they
 * leave it (collect, take, a shuffle, a reduction's partial results) they travel as bytes
 * ({@link Codec}). Each function that runs Tangent code holds a {@link Shipment}.
 */
public final class Tasks {
  private Tasks() {}

  /** map, filter, flat_map and map_partitions: a Tangent function over a partition's elements. */
  public enum Kind { MAP, FILTER, FLAT_MAP, PARTITIONS }

  public static final class Apply implements FlatMapFunction<Iterator<Object>, Object> {
    private static final long serialVersionUID = 1L;
    private final Shipment shipment;
    private final Kind kind;
    private final String method;

    public Apply(Shipment shipment, Kind kind, String method) {
      this.shipment = shipment;
      this.kind = kind;
      this.method = method;
    }

    @Override public Iterator<Object> call(Iterator<Object> in) {
      ExecutorRuntime.Opened o = ExecutorRuntime.open(shipment);
      Callable f = o.function(0);
      TaskContext tc = TaskContext.get();
      switch (kind) {
        case MAP: return new Chunked(in, o, f, false, method, tc);
        case FILTER: return new Chunked(in, o, f, true, method, tc);
        case FLAT_MAP: return new Lookahead() {
          Iterator<Object> current = Collections.emptyIterator();
          @Override Object advance() {
            while (!current.hasNext()) {
              if (!in.hasNext()) return END;
              ExecutorRuntime.checkKilled(tc);
              Object items = o.call(f, in.next());
              try {
                current = Iteration.iterator(items);
              } catch (TangentError e) {
                throw ExecutorRuntime.remote(TangentError.runtime(method + ": the function must return a list or "
                    + "another iterable, got " + Types.typeName(items)));
              }
            }
            return current.next();
          }
        };
        default: {
          TList all = new TList();
          while (in.hasNext()) {
            ExecutorRuntime.checkKilled(tc);
            all.items.add(in.next());
          }
          Object out = o.call(f, all);
          try {
            return Iteration.iterator(out);
          } catch (TangentError e) {
            throw ExecutorRuntime.remote(TangentError.runtime(method + ": the function must return a list or "
                + "another iterable, got " + Types.typeName(out)));
          }
        }
      }
    }
  }

  /**
   * map and filter over chunks of elements, each chunk one evaluation of the executor's
   * interpreter (its set-up and checks paid once per chunk, not per element). Chunks grow 1, 2,
   * 4... up to {@link #MAX_CHUNK}, so take(n) computes at most about twice the elements it needs.
   */
  static final class Chunked implements Iterator<Object> {
    static final int MAX_CHUNK = 256;
    private final Iterator<Object> in;
    private final ExecutorRuntime.Opened o;
    private final Callable f;
    private final boolean filter;
    private final String method;
    private final TaskContext tc;
    private final List<Object> out = new ArrayList<>();
    private int pos;
    private int size = 1;

    Chunked(Iterator<Object> in, ExecutorRuntime.Opened o, Callable f, boolean filter, String method, TaskContext tc) {
      this.in = in;
      this.o = o;
      this.f = f;
      this.filter = filter;
      this.method = method;
      this.tc = tc;
    }

    @Override public boolean hasNext() {
      while (pos >= out.size()) {
        if (!in.hasNext()) return false;
        ExecutorRuntime.checkKilled(tc);
        List<Object> xs = new ArrayList<>(size);
        while (xs.size() < size && in.hasNext()) xs.add(in.next());
        size = Math.min(size * 2, MAX_CHUNK);
        out.clear();
        pos = 0;
        o.each(f, xs, filter, method, out);
      }
      return true;
    }

    @Override public Object next() {
      if (!hasNext()) throw new NoSuchElementException();
      return out.get(pos++);
    }
  }

  /** An iterator that finds its next element ahead of time. */
  abstract static class Lookahead implements Iterator<Object> {
    static final Object END = new Object();
    private Object next;
    private boolean ready;

    abstract Object advance();

    @Override public boolean hasNext() {
      if (!ready) {
        next = advance();
        ready = true;
      }
      return next != END;
    }

    @Override public Object next() {
      if (!hasNext()) throw new NoSuchElementException();
      ready = false;
      return next;
    }
  }

  /** Elements from their bytes (parallelize, after a shuffle). */
  public static final class Decode implements FlatMapFunction<Iterator<byte[]>, Object> {
    private static final long serialVersionUID = 1L;

    @Override public Iterator<Object> call(Iterator<byte[]> in) {
      return new Iterator<>() {
        @Override public boolean hasNext() { return in.hasNext(); }
        @Override public Object next() { return decode(in.next()); }
      };
    }
  }

  /** Each element as bytes (take, before a shuffle): lazily, so take(n) encodes only n. */
  public static final class EncodeEach implements FlatMapFunction<Iterator<Object>, byte[]> {
    private static final long serialVersionUID = 1L;
    private final List<String> modules;

    public EncodeEach(List<String> modules) { this.modules = modules; }

    @Override public Iterator<byte[]> call(Iterator<Object> in) {
      Codec.Exports exports = Codec.Exports.of(modules);
      return new Iterator<>() {
        @Override public boolean hasNext() { return in.hasNext(); }
        @Override public byte[] next() { return encode(in.next(), exports); }
      };
    }
  }

  /** A whole partition as one list's bytes (collect). */
  public static final class EncodePartition implements FlatMapFunction<Iterator<Object>, byte[]> {
    private static final long serialVersionUID = 1L;
    private final List<String> modules;

    public EncodePartition(List<String> modules) { this.modules = modules; }

    @Override public Iterator<byte[]> call(Iterator<Object> in) {
      TList all = new TList();
      TaskContext tc = TaskContext.get();
      while (in.hasNext()) {
        ExecutorRuntime.checkKilled(tc);
        all.items.add(in.next());
      }
      return List.of(encode(all, Codec.Exports.of(modules))).iterator();
    }
  }

  /**
   * reduce(f) and aggregate(zero, seq, comb) over one partition: the partition's partial result
   * as bytes (none for an empty partition under reduce). Roots: [f] or [zero, seq].
   */
  public static final class Fold implements FlatMapFunction<Iterator<Object>, byte[]> {
    private static final long serialVersionUID = 1L;
    private final Shipment shipment;
    private final boolean withZero;
    private final List<String> modules;

    public Fold(Shipment shipment, boolean withZero, List<String> modules) {
      this.shipment = shipment;
      this.withZero = withZero;
      this.modules = modules;
    }

    @Override public Iterator<byte[]> call(Iterator<Object> in) {
      ExecutorRuntime.Opened o = ExecutorRuntime.open(shipment);
      TaskContext tc = TaskContext.get();
      Object acc;
      Callable f;
      if (withZero) {
        // A fresh zero per partition: the function may change it in place (push to a list).
        acc = decode(encode(o.roots().get(0), Codec.Exports.of(modules)));
        f = o.function(1);
      } else {
        if (!in.hasNext()) return Collections.emptyIterator();
        acc = in.next();
        f = o.function(0);
      }
      while (in.hasNext()) {
        ExecutorRuntime.checkKilled(tc);
        acc = o.call(f, acc, in.next());
      }
      return List.of(encode(acc, Codec.Exports.of(modules))).iterator();
    }
  }

  /** One level of tree_aggregate: the partial results that share a key, merged with comb. */
  public static final class Merge implements FlatMapFunction<Iterator<Tuple2<Integer, Iterable<byte[]>>>, byte[]> {
    private static final long serialVersionUID = 1L;
    private final Shipment shipment;
    private final List<String> modules;

    public Merge(Shipment shipment, List<String> modules) {
      this.shipment = shipment;
      this.modules = modules;
    }

    @Override public Iterator<byte[]> call(Iterator<Tuple2<Integer, Iterable<byte[]>>> in) {
      ExecutorRuntime.Opened o = ExecutorRuntime.open(shipment);
      Callable comb = o.function(0);
      TaskContext tc = TaskContext.get();
      List<byte[]> out = new ArrayList<>();
      while (in.hasNext()) {
        Object acc = null;
        for (byte[] b : in.next()._2()) {
          ExecutorRuntime.checkKilled(tc);
          Object x = decode(b);
          acc = acc == null ? x : o.call(comb, acc, x);
        }
        if (acc != null) out.add(encode(acc, Codec.Exports.of(modules)));
      }
      return out.iterator();
    }
  }

  /** Numbers from Spark's range (longs). */
  public static final class Numbers implements FlatMapFunction<Iterator<Object>, Object> {
    private static final long serialVersionUID = 1L;

    @Override public Iterator<Object> call(Iterator<Object> in) {
      return new Iterator<>() {
        @Override public boolean hasNext() { return in.hasNext(); }
        @Override public Object next() { return ((Number) in.next()).doubleValue(); }
      };
    }
  }

  /** tree_aggregate: each partial result keyed by its partition's index modulo the next level's width. */
  public static final class KeyBy implements org.apache.spark.api.java.function.Function2<Integer, Iterator<byte[]>,
      Iterator<Tuple2<Integer, byte[]>>> {
    private static final long serialVersionUID = 1L;
    private final int width;

    public KeyBy(int width) { this.width = width; }

    @Override public Iterator<Tuple2<Integer, byte[]>> call(Integer partition, Iterator<byte[]> in) {
      List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
      while (in.hasNext()) out.add(new Tuple2<>(partition % width, in.next()));
      return out.iterator();
    }
  }

  static byte[] encode(Object v, Codec.Exports exports) {
    try {
      return Codec.encode(v, exports);
    } catch (Codec.Refused r) {
      throw ExecutorRuntime.remote(TangentError.runtime("a result cannot travel back from the executors: "
          + (r.path.isEmpty() ? "it" : "its part " + r.path) + " is " + r.what));
    }
  }

  static Object decode(byte[] b) {
    try {
      return Codec.decode(b, List.of());
    } catch (TangentError e) {
      throw ExecutorRuntime.remote(e);
    }
  }
}
