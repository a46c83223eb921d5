package dev.tangent.drdm.sampler;

import dev.tangent.core.tensor.HeapStorage;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.Shapes;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Memory;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.drdm.field.kernel.Resize;
import dev.tangent.spi.Args;
import dev.tangent.spi.Ints;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import java.util.Arrays;
import java.util.SplittableRandom;

/** drdm.forward, drdm.schedule and drdm.interpolate: argument checks and conversions around the kernels. */
public final class ForwardBuiltins {
  private ForwardBuiltins() {}

  private static final Object SEEDS = new Object();

  /** The next seed of the interpreter's own stream (starts at 0): what a call without seed: uses. */
  public static long nextSeed(dev.tangent.spi.Context ctx) {
    return ctx.state(SEEDS, () -> new SplittableRandom(0)).nextLong();
  }

  /** An image tensor read as DRDM's input: its grid, channels and batch. */
  record ImageLayout(Grid grid, int channels, int batch, boolean batched) {}

  static ImageLayout layout(int[] s, Integer ndim, String fn) {
    int r = s.length;
    if (ndim != null && ndim != 2 && ndim != 3) throw TangentError.runtime(fn + ": ndim must be 2 or 3, got " + ndim);
    int nd;
    boolean batched;
    switch (r) {
      case 2: nd = 2; batched = false; break;
      case 3: nd = ndim == null ? 3 : ndim; batched = false; break;
      case 4: nd = ndim == null ? 2 : ndim; batched = nd == 2; break;
      case 5: nd = 3; batched = true; break;
      default:
        throw TangentError.runtime(fn + ": images are (H, W), (D, H, W), (B, C, H, W) or (B, C, D, H, W) (with ndim: 2, (C, H, W); "
            + "with ndim: 3, (C, D, H, W)), got shape " + Grid.text(s));
    }
    int lead = r - nd;
    if (lead < 0 || lead > 2) {
      throw TangentError.runtime(fn + ": a " + r + "-D tensor is not a " + nd + "-D image (shape " + Grid.text(s) + ")");
    }
    Grid g = Grid.of(Arrays.copyOfRange(s, lead, r), fn);
    int channels = lead >= 1 ? s[lead - 1] : 1;
    int batch = batched ? s[0] : 1;
    if (batch < 1) throw TangentError.runtime(fn + ": an empty batch of images");
    return new ImageLayout(g, channels, batch, batched);
  }

  /** The time step of each sample. */
  static int[] steps(Object t, ImageLayout img, String fn) {
    int[] ts;
    if (t instanceof Double) {
      ts = new int[img.batch()];
      Arrays.fill(ts, Ints.toInt(t, fn + ": t"));
    } else {
      ts = Shapes.ints(t, fn, "t");
      if (!img.batched()) throw TangentError.runtime(fn + ": a list of t needs a batch of images (B, C, ...), one t per image");
      if (ts.length != img.batch()) throw TangentError.runtime(fn + ": " + ts.length + " values of t for a batch of " + img.batch() + " images");
    }
    for (int x : ts) {
      if (x < 0 || x > Schedule.STEPS) {
        throw TangentError.runtime(fn + ": t must be an integer in 0.." + Schedule.STEPS + " (DRDM's T = " + Schedule.STEPS + "), got " + x);
      }
    }
    return ts;
  }

  public static Object forward(Args a) {
    String fn = "forward()";
    Tensor img = a.as(0, Tensor.class, "a Tensor");
    Integer ndim = a.present(5) ? a.integer(5) : null;
    ImageLayout lay = layout(img.shape(), ndim, fn);
    int[] ts = steps(a.get(1), lay, fn);
    long seed = a.present(2) ? a.longInt(2, 0) : nextSeed(a.ctx());
    boolean reference = a.bool(3, false);
    float sigma = reference ? ForwardSampler.REFERENCE_SIGMA : ForwardSampler.SIGMA;
    if (a.present(4)) {
      double s = a.num(4);
      if (!(s >= 0 && s < 1)) throw TangentError.runtime(fn + ": sigma must be in [0, 1) (a fraction of the control grid), got " + s);
      sigma = (float) s;
    }
    Interp mode = Interp.parse(a.str(6, "linear"), fn);
    Padding pad = Padding.parse(a.str(7, "zeros"), fn);
    ForwardSampler.Result r = ForwardSampler.sample(lay.grid(), ts, new GaussianNoise(seed),
        new ForwardSampler.Settings(sigma, ForwardSampler.NOISE_RATIO, reference), a.ctx());
    Deformation ddf = lay.batched() ? Deformation.wrap(lay.grid(), r.count(), true, r.ddf()) : Deformation.wrap(lay.grid(), 1, false, r.ddf());
    Deformation dvf = lay.batched() ? Deformation.wrap(lay.grid(), r.count(), true, r.dvf()) : Deformation.wrap(lay.grid(), 1, false, r.dvf());
    Tensor warped = ddf.warp(img, mode, pad, a.ctx());
    return new Tuple(ddf, dvf, warped);
  }

  public static Object schedule(Args a) {
    int steps = a.integer(0, Schedule.STEPS);
    if (steps < 0 || steps > 100_000) throw TangentError.runtime("schedule(): T must be in 0..100000, got " + steps);
    TList t = new TList(), ddf = new TList(), dvf = new TList();
    for (int i = 0; i <= steps; i++) {
      t.items.add((double) i);
      ddf.items.add((double) Schedule.nDdf(i));
      dvf.items.add((double) Schedule.nDvf(i));
    }
    TMap m = new TMap();
    m.put("t", t);
    m.put("n_ddf", ddf);
    m.put("n_dvf", dvf);
    return m;
  }

  public static Object interpolate(Args a) {
    String fn = "interpolate()";
    Tensor x = a.as(0, Tensor.class, "a Tensor");
    int[] size = Shapes.ints(a.get(1), fn, "size");
    int[] s = x.shape();
    int nd = size.length;
    if ((nd != 2 && nd != 3) || s.length < nd) {
      throw TangentError.runtime(fn + ": size has 2 or 3 entries, one per trailing (spatial) axis of x; got size " + Grid.text(size)
          + " for shape " + Grid.text(s));
    }
    Grid in = Grid.of(Arrays.copyOfRange(s, s.length - nd, s.length), fn);
    Grid out = Grid.of(size, fn);
    long planes = 1;
    for (int i = 0; i < s.length - nd; i++) planes *= s[i];
    int[] shape = s.clone();
    System.arraycopy(size, 0, shape, s.length - nd, nd);
    float[] dst = Memory.floats(planes * out.voxels, fn);
    if (planes > 0) Resize.linear(x.toFloatArray(), 0, in.sizes(), (int) planes, size, new int[nd], out, dst, 0, a.ctx());
    return Tensor.of(shape, HeapStorage.of(dst));
  }
}
