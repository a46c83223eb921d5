package dev.tangent.drdm.train;

import dev.tangent.drdm.data.ImageSet;
import dev.tangent.drdm.field.Shapes;
import dev.tangent.drdm.net.RecResACNet;
import dev.tangent.drdm.net.warp.Padding;
import dev.tangent.nn.engine.Devices;
import dev.tangent.nn.engine.Session;
import dev.tangent.spi.Args;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** drdm.train(...): argument checks around {@link DrdmTrainer}. */
public final class TrainCall {
  private TrainCall() {}

  public static final String SIGNATURE = "train(net, images, *, steps, batch=1, lr=1e-4, augment=true, checkpoint=nil, resume=true, "
      + "device=nil, size=nil, seed=0, padding='zeros', weights=[1, 1, 10], reference=false, every=1, curve=nil, progress='auto')";

  public static Object train(Args a) {
    String fn = DrdmTrainer.FN;
    Session s = Session.of(a.ctx());
    if (!(a.get(0) instanceof RecResACNet net)) throw a.typeError(0, "a RecResACNet (drdm.network or drdm.load_network)");
    DrdmTrainer.Spec spec = new DrdmTrainer.Spec();
    spec.net = net;
    if (!a.present(2)) throw TangentError.runtime(fn + ": give the number of steps, e.g. steps: 100");
    spec.steps = a.longInt(2, 0);
    if (spec.steps < 0) throw TangentError.runtime(fn + ": steps must be at least 0, got " + spec.steps);
    spec.batch = a.integer(3, 1);
    if (spec.batch < 1 || spec.batch > 4096) throw TangentError.runtime(fn + ": batch must be in 1..4096, got " + spec.batch);
    spec.lr = a.num(4, 1e-4);
    if (!(spec.lr > 0) || !Double.isFinite(spec.lr)) throw TangentError.runtime(fn + ": lr must be a positive number, got " + spec.lr);
    spec.augment = a.bool(5, true);
    spec.resume = a.bool(7, true);
    if (a.present(8)) {
      var want = Devices.resolve(a.str(8), a.ctx());
      var have = net.device(s);
      if (!want.equals(have)) {
        throw TangentError.runtime(fn + ": the network is on " + have + ", not " + want)
            .withHint("build or load it there: drdm.network(dims, device: \"" + a.str(8) + "\")");
      }
    }
    spec.images = ImageSet.of(a.get(1), net.dims(), a.ctx(), fn);
    spec.size = a.present(9) ? Shapes.ints(a.get(9), fn, "size") : commonShape(spec.images, fn);
    if (spec.size.length != net.dims()) {
      throw TangentError.runtime(fn + ": size must have " + net.dims() + " sides for the " + net.dims() + "-D network");
    }
    spec.seed = a.longInt(10, 0);
    spec.padding = Padding.parse(a.str(11, "zeros"));
    if (a.present(12)) spec.weights = weights(a.get(12), fn);
    spec.reference = a.bool(13, false);
    spec.every = a.longInt(14, 1);
    if (spec.every < 1) throw TangentError.runtime(fn + ": every must be at least 1 step, got " + spec.every);
    spec.progress = a.str(16, "auto");
    if (a.present(6)) {
      Path p = Path.of(a.str(6));
      boolean file = p.getFileName() != null && p.getFileName().toString().endsWith(".safetensors") && !a.str(6).endsWith("/");
      Path dir = file ? (p.toAbsolutePath().getParent()) : p;
      try {
        Files.createDirectories(a.ctx().permissions.checkWrite(dir));
      } catch (IOException e) {
        throw TangentError.runtime(fn + ": could not create the checkpoint folder " + dir + ": " + e.getMessage());
      }
      spec.checkpoint = a.ctx().permissions.checkWrite(file ? p : p.resolve("drdm-train.safetensors"));
      String stem = spec.checkpoint.getFileName().toString().replaceFirst("\\.safetensors$", "");
      spec.curve = spec.checkpoint.resolveSibling(file ? stem + "-loss.png" : "loss.png");
    }
    if (a.present(15)) spec.curve = a.ctx().permissions.checkWrite(Path.of(a.str(15)));
    return DrdmTrainer.run(s, spec);
  }

  private static int[] commonShape(ImageSet images, String fn) {
    int[] first = images.shape(0);
    for (int i = 1; i < images.size(); i++) {
      if (!java.util.Arrays.equals(first, images.shape(i))) {
        throw TangentError.runtime(fn + ": the images have different shapes (" + dev.tangent.drdm.field.kernel.Grid.text(first) + " and "
            + dev.tangent.drdm.field.kernel.Grid.text(images.shape(i)) + ")").withHint("give size: [H, W] to resize them all");
      }
    }
    return first;
  }

  static double[] weights(Object v, String fn) {
    if (!(v instanceof TList l) || l.items.size() != 3) {
      throw TangentError.runtime(fn + ": weights must be three numbers [w_dist, w_ang, w_reg], got " + Types.typeName(v));
    }
    double[] w = new double[3];
    for (int k = 0; k < 3; k++) {
      if (!(l.items.get(k) instanceof Double d)) throw TangentError.runtime(fn + ": weights must be three numbers");
      w[k] = d;
    }
    return w;
  }
}
