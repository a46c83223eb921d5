package dev.tangent.lib;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lib.build.LibBuild;
import dev.tangent.lib.build.Options;
import dev.tangent.lib.build.Runner;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.model.ConstPrefix;
import dev.tangent.lib.model.Folding;
import dev.tangent.lib.model.Inputs;
import dev.tangent.lib.model.LibModel;
import dev.tangent.lib.section.Act;
import dev.tangent.lib.section.GatedLinearSection;
import dev.tangent.lib.section.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small networks, data and builds for the unit tests (plain Java, no DJL). */
public final class Nets {
  private Nets() {}

  /** One dense layer y = act(x W + b), W [in, out]. */
  public record Layer(Mat w, double[] b, Act act) {}

  public static Mat randn(SplittableRandom r, int rows, int cols, double scale) {
    Mat m = Mat.zeros(rows, cols);
    for (int i = 0; i < m.a.length; i++) m.a[i] = scale * gauss(r);
    return m;
  }

  public static double gauss(SplittableRandom r) {
    double u = r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  public static double[] randv(SplittableRandom r, int n, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = scale * gauss(r);
    return v;
  }

  /** An MLP as rib builds it: node layers layers.0 (input) ... layers.{n-1}, output. */
  public static LibModel mlp(List<Layer> layers) {
    List<Section> sections = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      names.add("layers." + i);
      if (i < layers.size() - 1) {
        sections.add(GatedLinearSection.layer(1, Folding.hidden(l.w(), l.b(), l.act(), 0), l.act(), 0, "layer " + i));
      } else if (l.act() == Act.IDENTITY) {
        sections.add(GatedLinearSection.linear(1, Folding.last(l.w(), l.b()), "layer " + i));
      } else {
        sections.add(GatedLinearSection.layer(1, Folding.last(l.w(), l.b()), l.act(), 0, "layer " + i));
      }
    }
    names.add("output");
    return new LibModel("mlp", names, sections, new ConstPrefix(1, layers.get(0).w().rows, List.of()), List.of(), true);
  }

  public static Tensor tensor(Mat x) {
    return Tensor.ofDoubles(new int[] {x.rows, x.cols}, x.a);
  }

  public static LibBuild build(LibModel m, Mat data, Options o) {
    LibBuild b = new LibBuild(m, o);
    Runner.complete(b, new Inputs(tensor(data), "test", "data"), null);
    return b;
  }

  /** Rows of x (n x d) with exactly zero mean and identity covariance (n > d). */
  public static Mat whitened(SplittableRandom r, int n, int d) {
    Mat x = randn(r, n, d, 1);
    // centre columns, then Gram-Schmidt; columns stay orthogonal to the ones vector.
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) mean += x.get(i, j);
      mean /= n;
      for (int i = 0; i < n; i++) x.set(i, j, x.get(i, j) - mean);
    }
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < j; k++) {
        double dot = 0;
        for (int i = 0; i < n; i++) dot += x.get(i, j) * x.get(i, k);
        for (int i = 0; i < n; i++) x.set(i, j, x.get(i, j) - dot * x.get(i, k));
      }
      double norm = 0;
      for (int i = 0; i < n; i++) norm += x.get(i, j) * x.get(i, j);
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) x.set(i, j, x.get(i, j) / norm);
    }
    return x.scale(Math.sqrt(n));
  }

  /** |cos| between column a of x and column b of y. */
  public static double absCos(double[] x, double[] y) {
    double xy = 0;
    double xx = 0;
    double yy = 0;
    for (int i = 0; i < x.length; i++) {
      xy += x[i] * y[i];
      xx += x[i] * x[i];
      yy += y[i] * y[i];
    }
    return Math.abs(xy) / Math.sqrt(xx * yy);
  }

  /** Features x C of the n samples at node layer l. */
  public static Mat features(LibModel m, LibBuild b, Mat data, int l) {
    double[][] acts = m.activations(data.a, data.rows);
    Mat x = new Mat(data.rows * m.positions(l), m.width(l), acts[l]);
    return x.mul(b.bases[l].c());
  }
}
