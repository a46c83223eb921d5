package dev.tangent.core;

import dev.tangent.spi.BinOp;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Operators;
import dev.tangent.spi.Range;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import dev.tangent.spi.ModuleBuilder;

/** range, map, filter, reduce, sum, min, max, sorted, zip, enumerate and friends. */
final class CollectionBuiltins {
  private CollectionBuiltins() {}

  static void define(ModuleBuilder m) {
    m.functions(
        Builtin.of("range(start, stop=nil, step=1)",
            "Integers from start up to stop (excluded): range(3) is 0, 1, 2; range(1, 10, 3) is 1, 4, 7. Same as start..stop when step is 1.",
            a -> {
              double step = a.num(2, 1);
              if (!a.present(1)) return new Range(0, a.num(0), step, false);
              return new Range(a.num(0), a.num(1), step, false);
            }),
        Builtin.of("list(x=nil)", "A new list of the items of x (any iterable); list() is [].",
            a -> a.has(0) ? Iteration.toList(a.get(0)) : new TList()),
        Builtin.of("tuple(x)", "A tuple of the items of x.", a -> new Tuple(Iteration.toList(a.get(0)).items.toArray())),
        Builtin.of("map(f, xs)", "A list of f(x) for each x in xs.",
            a -> {
              Callable f = a.callable(0);
              TList out = new TList();
              for (Iterator<Object> it = Iteration.iterator(a.get(1)); it.hasNext(); ) out.items.add(a.call(f, it.next()));
              return out;
            }),
        Builtin.of("filter(f, xs)", "A list of the x in xs for which f(x) is true.",
            a -> {
              Callable f = a.callable(0);
              TList out = new TList();
              for (Iterator<Object> it = Iteration.iterator(a.get(1)); it.hasNext(); ) {
                Object x = it.next();
                Object keep = a.call(f, x);
                if (!(keep instanceof Boolean)) throw TangentError.runtime("filter(): the function must return a Bool, got " + Types.typeName(keep));
                if ((Boolean) keep) out.items.add(x);
              }
              return out;
            }),
        Builtin.of("reduce(f, xs, init=nil)", "Folds xs with f from the left: reduce((a, b) => a + b, [1, 2, 3]) is 6.",
            a -> {
              Callable f = a.callable(0);
              Iterator<Object> it = Iteration.iterator(a.get(1));
              Object acc;
              if (a.has(2)) acc = a.get(2);
              else if (it.hasNext()) acc = it.next();
              else throw TangentError.runtime("reduce() of an empty sequence with no init");
              while (it.hasNext()) acc = a.call(f, acc, it.next());
              return acc;
            }),
        Builtin.of("sum(xs, start=0)", "The sum of the items (numbers, tensors, tangents: anything with +). A tensor sums all its elements.",
            a -> {
              Object xs = a.get(0);
              if (xs instanceof dev.tangent.core.tensor.Tensor t) {
                return t.sum();
              }
              if (xs instanceof dev.tangent.spi.Operand o && !a.has(1)) {
                Object r = o.mathOp("sum");   // vectors of other modules (tangents, values tracked by diff)
                if (r != dev.tangent.spi.Operand.NOT_IMPLEMENTED) return r;
              }
              Object acc = a.get(1, 0.0);
              for (Iterator<Object> it = Iteration.iterator(xs); it.hasNext(); ) {
                Object x = it.next();
                acc = acc instanceof Double p && x instanceof Double q ? (Object) (p + q) : Operators.binary(BinOp.ADD, acc, x);
              }
              return acc;
            }),
        Builtin.of("prod(xs, start=1)", "The product of the items (anything with *). A tensor multiplies all its elements.",
            a -> {
              Object xs = a.get(0);
              if (xs instanceof dev.tangent.core.tensor.Tensor t) return t.prod();
              Object acc = a.get(1, 1.0);
              for (Iterator<Object> it = Iteration.iterator(xs); it.hasNext(); ) {
                Object x = it.next();
                acc = acc instanceof Double p && x instanceof Double q ? (Object) (p * q) : Operators.binary(BinOp.MUL, acc, x);
              }
              return acc;
            }),
        Builtin.of("min(*xs, key=nil)", "The smallest item: min(3, 1, 2), min(list), min(words, key: w => len(w)). A tensor gives its smallest element.",
            a -> extreme(a, true)),
        Builtin.of("max(*xs, key=nil)", "The largest item; see min.", a -> extreme(a, false)),
        Builtin.of("sorted(xs, key=nil, reverse=false)", "A new sorted list of the items of xs.",
            a -> sorted(a, Iteration.toList(a.get(0)), a.get(1), a.bool(2, false))),
        Builtin.of("reversed(xs)", "A new list of the items of xs in reverse order.",
            a -> {
              TList l = Iteration.toList(a.get(0));
              Collections.reverse(l.items);
              return l;
            }),
        Builtin.of("enumerate(xs, start=0)", "A list of (index, item) tuples.",
            a -> {
              TList out = new TList();
              double i = a.num(1, 0);
              for (Iterator<Object> it = Iteration.iterator(a.get(0)); it.hasNext(); i++) out.items.add(new Tuple(i, it.next()));
              return out;
            }),
        Builtin.of("zip(*xs)", "A list of tuples taking one item from each argument, as long as the shortest.",
            a -> {
              List<Iterator<Object>> its = new ArrayList<>();
              for (Object x : a.rest()) its.add(Iteration.iterator(x));
              TList out = new TList();
              if (its.isEmpty()) return out;
              while (true) {
                Object[] row = new Object[its.size()];
                for (int k = 0; k < row.length; k++) {
                  if (!its.get(k).hasNext()) return out;
                  row[k] = its.get(k).next();
                }
                out.items.add(new Tuple(row));
              }
            }),
        Builtin.of("any(xs)", "True when some item is true.", a -> {
          for (Iterator<Object> it = Iteration.iterator(a.get(0)); it.hasNext(); ) if (truth(it.next())) return true;
          return false;
        }),
        Builtin.of("all(xs)", "True when every item is true.", a -> {
          for (Iterator<Object> it = Iteration.iterator(a.get(0)); it.hasNext(); ) if (!truth(it.next())) return false;
          return true;
        }));
  }

  private static boolean truth(Object v) {
    if (v instanceof Boolean b) return b;
    throw TangentError.runtime("any()/all() need Bool items, got " + Types.typeName(v));
  }

  static Object extreme(Args a, boolean min) {
    List<Object> xs = a.rest();
    String fn = min ? "min" : "max";
    if (xs.size() == 1 && xs.get(0) instanceof dev.tangent.core.tensor.Tensor t) {
      return min ? t.min() : t.max();
    }
    // One pass over the items (a range is not made into a list first); the iterator polls Ctrl-C.
    Iterator<Object> items = xs.size() == 1 ? Iteration.iterator(xs.get(0)) : xs.iterator();
    if (!items.hasNext()) throw TangentError.runtime(fn + "() of an empty sequence");
    Object keyFn = a.get(1);
    Callable key = keyFn instanceof Callable c ? c : null;
    Object best = items.next();
    Object bestKey = key == null ? best : a.call(key, best);
    while (items.hasNext()) {
      Object x = items.next();
      Object k = key == null ? x : a.call(key, x);
      boolean better = compare(k, bestKey) < 0 == min && compare(k, bestKey) != 0;
      if (better) {
        best = x;
        bestKey = k;
      }
    }
    return best;
  }

  static int compare(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y);
    if (a instanceof String s && b instanceof String t) return s.compareTo(t);
    if (a instanceof Tuple s && b instanceof Tuple t) {
      for (int i = 0; i < Math.min(s.size(), t.size()); i++) {
        int c = compare(s.get(i), t.get(i));
        if (c != 0) return c;
      }
      return Integer.compare(s.size(), t.size());
    }
    Object lt = Operators.binary(BinOp.LT, a, b);
    if (lt instanceof Boolean bl && bl) return -1;
    Object gt = Operators.binary(BinOp.GT, a, b);
    if (gt instanceof Boolean bg && bg) return 1;
    return 0;
  }

  static TList sorted(Args a, TList l, Object keyFn, boolean reverse) {
    Callable key = keyFn instanceof Callable c ? c : null;
    if (keyFn != null && keyFn != Nil.NIL && key == null) throw TangentError.runtime("sort key must be a function");
    List<Object[]> pairs = new ArrayList<>();
    for (Object x : l.items) pairs.add(new Object[] {key == null ? x : a.call(key, x), x});
    long[] comparisons = {0};
    pairs.sort((p, q) -> {
      dev.tangent.spi.Context.pollEvery(++comparisons[0]);
      return compare(p[0], q[0]);
    });
    if (reverse) Collections.reverse(pairs);
    TList out = new TList(pairs.size());
    for (Object[] p : pairs) out.items.add(p[1]);
    return out;
  }

}
