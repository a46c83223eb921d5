package dev.tangent.drdm.recover;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.data.ImageSet;
import dev.tangent.drdm.field.Shapes;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.drdm.net.NetInputs;
import dev.tangent.drdm.net.RecResACNet;
import dev.tangent.drdm.sampler.ForwardBuiltins;
import dev.tangent.drdm.sampler.ForwardSampler;
import dev.tangent.nn.engine.Session;
import dev.tangent.spi.Args;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import java.nio.file.Path;
import java.util.List;

/** drdm.sample, drdm.augment and drdm.synthesize_registration: argument checks around {@link Recovery} and {@link Synthesis}. */
public final class RecoverCalls {
  private RecoverCalls() {}

  public static final String SAMPLE = "sample(net, img, *, start=48, n=1, seed=nil, schedule='paper', mode='linear', padding='zeros', passes=2)";
  public static final String AUGMENT = "augment(net, images, labels=nil, *, levels=[48], per_image=1, out, seed=0, format=nil, "
      + "overwrite=false, schedule='paper', mode='linear', padding='zeros', session=nil)";
  public static final String REGISTRATION = "synthesize_registration(net, images, *, levels=[[48, 48]], per_image=1, out, seed=0, "
      + "format=nil, overwrite=false, schedule='paper', mode='linear', padding='zeros', session=nil)";

  public static Object sample(Args a) {
    String fn = "sample()";
    Session s = Session.of(a.ctx());
    RecResACNet net = net(a, fn);
    if (!(a.get(1) instanceof Tensor img)) throw a.typeError(1, "an image tensor [X...] or [1, X...]");
    int[] shape = img.shape();
    int nd = net.dims();
    if (shape.length == nd + 1 && shape[0] == 1) shape = java.util.Arrays.copyOfRange(shape, 1, shape.length);
    if (shape.length != nd) {
      throw TangentError.runtime(fn + ": the " + nd + "-D network deforms one image " + (nd == 2 ? "[H, W]" : "[D, H, W]")
          + " (or with a leading 1), got shape " + Grid.text(img.shape()));
    }
    Grid g = Grid.of(shape, fn);
    NetInputs.checkSides(new ai.djl.ndarray.types.Shape(lead(shape)), nd, fn);
    int start = level(a.get(2, 48.0), fn, "start");
    int n = a.integer(3, 1);
    if (n < 1 || n > 4096) throw TangentError.runtime(fn + ": n must be in 1..4096, got " + n);
    long seed = a.present(4) ? a.longInt(4, 0) : ForwardBuiltins.nextSeed(a.ctx());
    Recovery.Settings st = settings(a, 5, fn);
    Tensor i0 = Tensor.ofFloats(shape, img.toFloatArray());
    Recovery.Result r = Recovery.run(s, net, i0, g, start, n, seed, st, a.ctx());
    TMap m = new TMap();
    m.put("fields", r.fields());
    m.put("images", r.images());
    m.put("start_fields", r.start());
    m.put("start_images", r.startImages());
    return m;
  }

  public static Object augment(Args a) {
    return Synthesis.augment(Session.of(a.ctx()), augmentSpec(a));
  }

  /** augment's arguments checked (all but session:, at index 12). */
  public static Synthesis.Spec augmentSpec(Args a) {
    String fn = "augment()";
    Synthesis.Spec spec = spec(a, fn, 3, 4);
    if (a.present(2)) spec.labels = ImageSet.of(a.get(2), spec.net.dims(), a.ctx(), fn + ": labels");
    spec.levels = levels(a.get(3, null), fn, 1, 48);
    return spec;
  }

  public static Object registration(Args a) {
    return Synthesis.registration(Session.of(a.ctx()), registrationSpec(a));
  }

  /** synthesize_registration's arguments checked (all but session:, at index 11). */
  public static Synthesis.Spec registrationSpec(Args a) {
    String fn = "synthesize_registration()";
    Synthesis.Spec spec = spec(a, fn, 2, 3);
    spec.levels = levels(a.get(2, null), fn, 2, 48);
    return spec;
  }

  /** The arguments after levels: per_image, out, seed, format, overwrite, schedule, mode, padding. */
  private static Synthesis.Spec spec(Args a, String fn, int levelsAt, int i) {
    Synthesis.Spec spec = new Synthesis.Spec();
    spec.net = net(a, fn);
    spec.images = ImageSet.of(a.get(1), spec.net.dims(), a.ctx(), fn);
    spec.perImage = a.integer(i, 1);
    if (spec.perImage < 1) throw TangentError.runtime(fn + ": per_image must be at least 1, got " + spec.perImage);
    if (!a.present(i + 1)) throw TangentError.runtime(fn + ": give the output folder, e.g. out: \"aug/\"");
    spec.out = Path.of(a.str(i + 1));
    spec.seed = a.longInt(i + 2, 0);
    spec.format = a.present(i + 3) ? a.str(i + 3) : null;
    spec.overwrite = a.bool(i + 4, false);
    spec.settings = settings(a, i + 5, fn);
    spec.settingNames = new String[] {a.str(i + 5, "paper"), a.str(i + 6, "linear"), a.str(i + 7, "zeros")};
    return spec;
  }

  private static RecResACNet net(Args a, String fn) {
    if (!(a.get(0) instanceof RecResACNet net)) throw a.typeError(0, "a RecResACNet (drdm.network or drdm.load_network)");
    return net;
  }

  /** schedule, mode, padding (and passes when the signature has it) from index i on. */
  private static Recovery.Settings settings(Args a, int i, String fn) {
    int passes = i + 3 < a.count() && fn.equals("sample()") ? a.integer(i + 3, 2) : 2;
    if (passes < 1) throw TangentError.runtime(fn + ": passes must be at least 1, got " + passes);
    return settings(a.str(i, "paper"), a.str(i + 1, "linear"), a.str(i + 2, "zeros"), passes, fn);
  }

  /** The settings from their names (as given to the built-ins, and as shipped to executors). */
  public static Recovery.Settings settings(String schedule, String mode, String padding, int passes, String fn) {
    Recovery.Schedule sch = Recovery.Schedule.parse(schedule, fn);
    Interp m = Interp.parse(mode, fn);
    Padding pad = Padding.parse(padding, fn);
    return new Recovery.Settings(sch, m, pad, ForwardSampler.Settings.defaults(), passes);
  }

  static int level(Object v, String fn, String what) {
    if (!(v instanceof Double d) || d != Math.rint(d)) throw TangentError.runtime(fn + ": " + what + " must be an integer level, got " + v);
    int l = (int) (double) d;
    if (l < 1 || l > Recovery.MAX_LEVEL) {
      throw TangentError.runtime(fn + ": " + what + " must be a level in 1.." + Recovery.MAX_LEVEL + ", got " + dev.tangent.spi.Display.str(d));
    }
    return l;
  }

  /** A list of levels (arity 1) or of [T_aug, T_syn] pairs (arity 2). */
  static int[][] levels(Object v, String fn, int arity, int dflt) {
    if (v == null || v == dev.tangent.spi.Nil.NIL) {
      int[] one = new int[arity];
      java.util.Arrays.fill(one, dflt);
      return new int[][] {one};
    }
    List<Object> items = v instanceof TList l ? l.items : v instanceof Tuple t ? t.list() : null;
    if (items == null || items.isEmpty()) throw TangentError.runtime(fn + ": levels must be a non-empty list");
    int[][] out = new int[items.size()][];
    for (int k = 0; k < out.length; k++) {
      Object e = items.get(k);
      if (arity == 1) {
        out[k] = new int[] {level(e, fn, "each level")};
      } else {
        int[] pair = Shapes.ints(e, fn, "a level pair [T_aug, T_syn]");
        if (pair.length != 2) throw TangentError.runtime(fn + ": levels are pairs [T_aug, T_syn], got " + pair.length + " numbers");
        out[k] = new int[] {level((double) pair[0], fn, "T_aug"), level((double) pair[1], fn, "T_syn")};
      }
    }
    return out;
  }

  private static long[] lead(int[] shape) {
    long[] s = new long[shape.length + 2];
    s[0] = 1;
    s[1] = 1;
    for (int k = 0; k < shape.length; k++) s[2 + k] = shape[k];
    return s;
  }
}
