package dev.tangent.drdm.field;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Ints;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Sizes and matrices from script values (lists, tuples, ranges or tensors), with messages naming the caller. */
public final class Shapes {
  private Shapes() {}

  public static int[] ints(Object v, String fn, String what) {
    double[] d = numbers(v, fn, what);
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) out[i] = Ints.toInt(d[i], fn + ": " + what);
    return out;
  }

  public static double[] numbers(Object v, String fn, String what) {
    if (v instanceof Tensor t) {
      if (t.ndim() != 1) throw TangentError.runtime(fn + ": " + what + " must be 1-D, got shape " + t.shapeTuple());
      return t.toDoubleArray();
    }
    List<Double> out = new ArrayList<>();
    Iterator<Object> it;
    try {
      it = Iteration.iterator(v);
    } catch (TangentError e) {
      throw TangentError.runtime(fn + ": " + what + " must be a list of numbers, got " + Types.typeName(v));
    }
    while (it.hasNext()) {
      Object x = it.next();
      if (!(x instanceof Double d)) throw TangentError.runtime(fn + ": " + what + " must hold numbers, found a " + Types.typeName(x));
      out.add(d);
    }
    double[] r = new double[out.size()];
    for (int i = 0; i < r.length; i++) r[i] = out.get(i);
    return r;
  }

  /** A matrix from a 2-D tensor or a list of rows. */
  public static double[][] matrix(Object v, String fn, String what) {
    if (v instanceof Tensor t) {
      if (t.ndim() != 2) throw TangentError.runtime(fn + ": " + what + " must be a matrix, got shape " + t.shapeTuple());
      return t.toArray2();
    }
    List<double[]> rows = new ArrayList<>();
    Iterator<Object> it;
    try {
      it = Iteration.iterator(v);
    } catch (TangentError e) {
      throw TangentError.runtime(fn + ": " + what + " must be a matrix (a Tensor or a list of rows), got " + Types.typeName(v));
    }
    while (it.hasNext()) rows.add(numbers(it.next(), fn, what + " rows"));
    double[][] m = rows.toArray(new double[0][]);
    for (double[] r : m) {
      if (r.length != m[0].length) throw TangentError.runtime(fn + ": " + what + " has rows of different lengths");
    }
    return m;
  }
}
