package dev.tangent.core.tensor;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Ints;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import java.util.List;
import java.util.SplittableRandom;

/** tensor, zeros, ones, full, eye, arange, linspace, rand, randn: each with dtype: and device:. */
final class TensorCreation {
  private TensorCreation() {}

  static int[] shapeOf(List<Object> rest, String fn) {
    List<Object> dims = rest;
    if (rest.size() == 1 && (rest.get(0) instanceof TList || rest.get(0) instanceof Tuple)) {
      dims = rest.get(0) instanceof TList l ? l.items : ((Tuple) rest.get(0)).list();
    }
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = Ints.toInt(dims.get(i), fn + "(): dimension");
      if (shape[i] < 0) throw TangentError.runtime(fn + "(): negative dimension " + shape[i]);
    }
    return shape;
  }

  static DType dtype(Args a, int i, DType dflt) {
    String s = a.str(i, null);
    return s == null ? dflt : DType.parse(s);
  }

  /** Applies dtype: and device: (or the size rule) to freshly made heap values. */
  static Tensor finish(Tensor t, Args a, int dtypeIndex, int deviceIndex) {
    Tensor r = t.astype(dtype(a, dtypeIndex, t.dtype));
    String device = Placement.checkDevice(a.str(deviceIndex, null));
    if (device != null) return r.to(device);
    if (r.size() >= Placement.LARGE && Placement.backend() != null && Placement.fitsBackend(r.dtype, r.size())) {
      return r.to(Placement.backend().device());
    }
    return r;
  }

  /** A constant tensor allocated straight on its device. */
  static Tensor filled(int[] shape, double v, Args a, int dtypeIndex, int deviceIndex) {
    DType t = dtype(a, dtypeIndex, DType.F64);
    String device = Placement.checkDevice(a.str(deviceIndex, null));
    int n = Tensor.size(shape);
    boolean big = device != null ? !device.equals(Placement.JAVA) : n >= Placement.LARGE && Placement.backend() != null;
    Storage s = Placement.allocate(t, n, big);
    if (v != 0) {
      double[] chunk = new double[Math.min(n, Chunks.CHUNK)];
      java.util.Arrays.fill(chunk, v);
      for (int from = 0; from < n; from += chunk.length) s.write(from, chunk, 0, Math.min(chunk.length, n - from));
    }
    return new Tensor(shape, s);
  }

  static SplittableRandom rng(Args a, int seedIndex) {
    if (a.present(seedIndex)) return new SplittableRandom(a.longInt(seedIndex, 0));
    SplittableRandom shared = a.ctx().state(TensorCreation.class, SplittableRandom::new);
    return shared.split();
  }

  /** n standard normal draws from r, as randn makes them (Tensor.randn gives Java the same). */
  static double[] gaussians(SplittableRandom r, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) d[i] = gaussian(r);
    return d;
  }

  /** Standard normal draws (Marsaglia polar method). */
  static double gaussian(SplittableRandom r) {
    double u;
    double v;
    double s;
    do {
      u = 2 * r.nextDouble() - 1;
      v = 2 * r.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }

  static Builtin[] builtins() {
    return new Builtin[] {
        Builtin.of("tensor(data, *, dtype=nil, device=nil)",
            "A tensor from nested lists: tensor([[1, 2], [3, 4]]), tensor([1, 2], dtype: \"f32\"). dtype is f64 (default), f32, i64 or bool; "
                + "device \"cpu\" puts it in ND4J, \"java\" keeps it on the pure-Java path (default: by size).",
            a -> {
              Object v = a.get(0);
              dev.tangent.spi.Tracked tracked = dev.tangent.spi.Tracked.find(v);
              if (tracked != null && !a.present(1) && !a.present(2)) return tracked.tensorOf(v);
              Tensor t = v instanceof Tensor x ? x.copy() : Tensor.from(v);
              return finish(t, a, 1, 2);
            }),
        Builtin.of("zeros(*shape, dtype=nil, device=nil)", "A tensor of zeros: zeros(3), zeros(2, 3), zeros([2, 3], dtype: \"f32\", device: \"cpu\").",
            a -> filled(shapeOf(a.rest(), "zeros"), 0, a, 1, 2)),
        Builtin.of("ones(*shape, dtype=nil, device=nil)", "A tensor of ones.", a -> filled(shapeOf(a.rest(), "ones"), 1, a, 1, 2)),
        Builtin.of("full(shape, value, *, dtype=nil, device=nil)", "A tensor filled with value: full([2, 3], 7).",
            a -> filled(shapeOf(List.of(a.get(0)), "full"), a.num(1), a, 2, 3)),
        Builtin.of("eye(n, m=nil, *, dtype=nil, device=nil)", "The n x n identity matrix (n x m with ones on the diagonal).",
            a -> {
              int n = a.integer(0);
              int m = a.integer(1, n);
              if (n < 0 || m < 0) throw TangentError.runtime("eye(): negative size");
              double[] d = new double[n * m];
              for (int i = 0; i < Math.min(n, m); i++) d[i * m + i] = 1;
              return finish(new Tensor(new int[] {n, m}, d), a, 2, 3);
            }),
        Builtin.of("arange(start, stop=nil, step=1, *, dtype=nil, device=nil)",
            "Evenly spaced values in [start, stop): arange(5) is 0..4, arange(1, 2, 0.25).",
            a -> {
              double start = a.has(1) ? a.num(0) : 0;
              double stop = a.has(1) ? a.num(1) : a.num(0);
              double step = a.num(2, 1);
              if (step == 0) throw TangentError.runtime("arange(): step must not be zero");
              double count = Math.ceil((stop - start) / step);
              int n = (int) Math.max(0, Math.min(count, Integer.MAX_VALUE));
              double[] d = new double[n];
              for (int i = 0; i < n; i++) d[i] = start + i * step;
              return finish(new Tensor(new int[] {n}, d), a, 3, 4);
            }),
        Builtin.of("linspace(start, stop, n=50, *, dtype=nil, device=nil)", "n evenly spaced numbers from start to stop, both included.",
            a -> {
              int n = a.integer(2, 50);
              if (n < 0) throw TangentError.runtime("linspace(): n must not be negative, got " + n);
              double lo = a.num(0);
              double hi = a.num(1);
              double[] d = new double[n];
              for (int i = 0; i < n; i++) d[i] = n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
              if (n > 1) d[n - 1] = hi;
              return finish(new Tensor(new int[] {n}, d), a, 3, 4);
            }),
        Builtin.of("randn(*shape, seed=nil, dtype=nil, device=nil)", "Standard normal samples; the same seed gives the same numbers on every device.",
            a -> {
              int[] shape = shapeOf(a.rest(), "randn");
              return finish(new Tensor(shape, gaussians(rng(a, 1), Tensor.size(shape))), a, 2, 3);
            }),
        Builtin.of("rand(*shape, seed=nil, dtype=nil, device=nil)", "Uniform samples in [0, 1); the same seed gives the same numbers on every device.",
            a -> {
              int[] shape = shapeOf(a.rest(), "rand");
              SplittableRandom r = rng(a, 1);
              double[] d = new double[Tensor.size(shape)];
              for (int i = 0; i < d.length; i++) d[i] = r.nextDouble();
              return finish(new Tensor(shape, d), a, 2, 3);
            }),
    };
  }
}
