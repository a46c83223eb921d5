package dev.tangent.lib.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lib.Nets;
import dev.tangent.lib.accum.GateStats;
import dev.tangent.lib.accum.SumMatrix;
import dev.tangent.lib.basis.Integration;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.model.Folding;
import dev.tangent.lib.section.Act;
import dev.tangent.lib.section.AttentionSection;
import dev.tangent.lib.section.ComposedSection;
import dev.tangent.lib.section.GatedLinearSection;
import dev.tangent.lib.section.Section;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The analytic vector-Jacobian products of every section type against central finite
 * differences, and the closed forms of gated linear sections (M′ from gate statistics, edges per
 * input feature) against the generic VJP path.
 */
class SectionJacobianTest {
  /** max |vjp - finite differences| over samples, rows and inputs, relative to the largest entry. */
  static double fdError(Section s, double[] x, int n, double[] u, int k) {
    int in = s.inSize();
    int out = s.outSize();
    double[] g = new double[n * k * in];
    s.vjp(x, n, u, k, true, g);
    double h = 1e-6;
    double err = 0;
    double scale = 0;
    double[] yp = new double[n * out];
    double[] ym = new double[n * out];
    for (int j = 0; j < in; j++) {
      double[] xp = x.clone();
      double[] xm = x.clone();
      for (int b = 0; b < n; b++) {
        xp[b * in + j] += h;
        xm[b * in + j] -= h;
      }
      s.forward(xp, n, yp);
      s.forward(xm, n, ym);
      for (int b = 0; b < n; b++) for (int kr = 0; kr < k; kr++) {
        double fd = 0;
        for (int m = 0; m < out; m++) fd += u[kr * out + m] * (yp[b * out + m] - ym[b * out + m]) / (2 * h);
        double an = g[(b * k + kr) * in + j];
        err = Math.max(err, Math.abs(fd - an));
        scale = Math.max(scale, Math.abs(an));
      }
    }
    return err / scale;
  }

  static double[] withConst(SplittableRandom r, int n, int positions, int width) {
    double[] x = Nets.randn(r, n * positions, width, 1).a;
    for (int i = 0; i < n * positions; i++) x[i * width + width - 1] = 1;
    return x;
  }

  static GatedLinearSection residualGelu(SplittableRandom r, int d, int dh) {
    Mat win = Folding.hidden(Nets.randn(r, d - 1, dh - 1, 0.5), Nets.randv(r, dh - 1, 0.3), Act.GELU, 0);
    Mat wout = Folding.intoResidual(Nets.randn(r, dh - 1, d - 1, 0.5), Nets.randv(r, d - 1, 0.3));
    return GatedLinearSection.residualMlp(2, win, Act.GELU, wout, "residual gelu mlp");
  }

  static AttentionSection attention(SplittableRandom r, int d, int heads, int dh, int positions, boolean lastOnly) {
    Mat[] q = new Mat[heads];
    Mat[] k = new Mat[heads];
    Mat[] v = new Mat[heads];
    Mat[] o = new Mat[heads];
    double[] bO = Nets.randv(r, d - 1, 0.2);
    for (int h = 0; h < heads; h++) {
      q[h] = Folding.last(Nets.randn(r, d - 1, dh, 0.6), Nets.randv(r, dh, 0.2));
      k[h] = Folding.last(Nets.randn(r, d - 1, dh, 0.6), Nets.randv(r, dh, 0.2));
      v[h] = Folding.value(Nets.randn(r, d - 1, dh, 0.6), Nets.randv(r, dh, 0.2));
      o[h] = Folding.output(Nets.randn(r, dh, d - 1, 0.6), bO, heads);
    }
    return new AttentionSection(positions, q, k, v, o, true, lastOnly, "attention");
  }

  @Test void gatedLinearSectionsMatchFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(21);
    int n = 3;
    List<Section> sections = List.of(
        GatedLinearSection.layer(2, Folding.hidden(Nets.randn(r, 4, 5, 1), Nets.randv(r, 5, 1), Act.GELU_TANH, 0), Act.GELU_TANH, 0, "gelu layer"),
        GatedLinearSection.linear(2, Folding.last(Nets.randn(r, 4, 3, 1), Nets.randv(r, 3, 1)), "linear"),
        residualGelu(r, 5, 7));
    for (Section s : sections) {
      double[] x = withConst(r, n, 2, s.inWidth());
      int k = 3;
      double[] u = Nets.randn(r, k, s.outSize(), 1).a;
      double fe = fdError(s, x, n, u, k);
      assertTrue(fe < 1e-7, s.describe());
      // Per-sample cotangents give the same rows as shared ones.
      double[] g1 = new double[n * k * s.inSize()];
      s.vjp(x, n, u, k, true, g1);
      double[] us = new double[n * k * s.outSize()];
      for (int b = 0; b < n; b++) System.arraycopy(u, 0, us, b * u.length, u.length);
      double[] g2 = new double[g1.length];
      s.vjp(x, n, us, k, false, g2);
      for (int i = 0; i < g1.length; i++) assertEquals(g1[i], g2[i], 1e-12);
    }
  }

  @Test void attentionMatchesFiniteDifferencesAtEveryPosition() {
    SplittableRandom r = new SplittableRandom(22);
    for (boolean lastOnly : new boolean[] {true, false}) {
      AttentionSection s = attention(r, 9, 3, 4, 3, lastOnly);
      int n = 4;
      double[] x = withConst(r, n, 3, 9);
      int k = 5;
      double[] u = Nets.randn(r, k, s.outSize(), 1).a;
      assertTrue(fdError(s, x, n, u, k) < 1e-7, "lastOnly " + lastOnly);
      double[] g1 = new double[n * k * s.inSize()];
      s.vjp(x, n, u, k, true, g1);
      double[] us = new double[n * k * s.outSize()];
      for (int b = 0; b < n; b++) System.arraycopy(u, 0, us, b * u.length, u.length);
      double[] g2 = new double[g1.length];
      s.vjp(x, n, us, k, false, g2);
      for (int i = 0; i < g1.length; i++) assertEquals(g1[i], g2[i], 1e-12);
    }
  }

  @Test void composedSectionsChainTheirJacobians() {
    SplittableRandom r = new SplittableRandom(23);
    AttentionSection a = attention(r, 7, 2, 3, 2, false);
    GatedLinearSection m = residualGelu(r, 7, 6);
    Section c = new ComposedSection(List.of(a, m));
    double[] x = withConst(r, 3, 2, 7);
    double[] u = Nets.randn(r, 4, c.outSize(), 1).a;
    assertTrue(fdError(c, x, 3, u, 4) < 1e-7);
  }

  @Test void attentionEdgesEqualTheGenericEdges() {
    SplittableRandom r = new SplittableRandom(26);
    for (boolean lastOnly : new boolean[] {true, false}) {
      AttentionSection s = attention(r, 8, 3, 4, 3, lastOnly);
      int n = 30;
      double[] x = withConst(r, n, 3, 8);
      Mat c = Nets.randn(r, 8, 6, 1);
      Mat cInv = Nets.randn(r, 6, 8, 1);
      Mat cNext = Nets.randn(r, 8, 5, 1);
      for (Integration in : List.of(Integration.of("gradient", 0), Integration.of("gauss-legendre", 2))) {
        SumMatrix generic = new SumMatrix(5, 6);
        JacobianMath.edges(s, x, n, c, cInv, cNext, in, generic, new Cache());
        SumMatrix fast = new SumMatrix(5, 6);
        AttentionMath.edges(s, x, n, c, cInv, cNext, in, fast, new Cache());
        assertEquals(generic.count(), fast.count());
        assertTrue(fast.sum.minus(generic.sum).maxAbs() < 1e-11 * generic.sum.maxAbs(), "lastOnly " + lastOnly + " " + in.rule()
            + ": " + fast.sum.minus(generic.sum).maxAbs() / generic.sum.maxAbs());
      }
    }
  }

  @Test void gateStatisticsGiveTheSameMDashAsTheJacobians() {
    SplittableRandom r = new SplittableRandom(24);
    GatedLinearSection s = residualGelu(r, 6, 9);
    int n = 50;
    double[] x = withConst(r, n, 2, 6);
    Mat cNext = Nets.randn(r, 6, 4, 1);
    for (Integration in : List.of(Integration.of("gradient", 0), Integration.of("gauss-legendre", 3))) {
      GateStats st = new GateStats(s.hidden());
      st.add(GatedLinearMath.gates(s, x, n * 2, in), n * 2);
      Mat closed = GatedLinearMath.mDash(s, st, cNext);
      SumMatrix viaVjp = new SumMatrix(6, 6);
      JacobianMath.mDash(s, x, n, cNext, in, viaVjp, new Cache());
      Mat generic = viaVjp.mean();
      assertTrue(closed.minus(generic).maxAbs() < 1e-12 * generic.maxAbs(), in.rule() + ": " + closed.minus(generic).maxAbs());
    }
  }

  @Test void gatedEdgesPerFeatureEqualTheGenericEdges() {
    SplittableRandom r = new SplittableRandom(25);
    GatedLinearSection s = residualGelu(r, 6, 9);
    int n = 40;
    double[] x = withConst(r, n, 2, 6);
    Mat c = Nets.randn(r, 6, 5, 1);
    Mat cInv = Nets.randn(r, 5, 6, 1);
    Mat cNext = Nets.randn(r, 6, 4, 1);
    for (Integration in : List.of(Integration.of("gradient", 0), Integration.of("trapezoidal", 2))) {
      SumMatrix generic = new SumMatrix(4, 5);
      JacobianMath.edges(s, x, n, c, cInv, cNext, in, generic, new Cache());
      SumMatrix fast = new SumMatrix(4, 5);
      double[] f = LibBuild.features(x, n * 2, c);
      GatedLinearMath.edges(s, f, n * 2, cInv, cNext, in, fast, new Cache());
      assertEquals(generic.count(), fast.count());
      assertTrue(fast.sum.minus(generic.sum).maxAbs() < 1e-11 * generic.sum.maxAbs(), in.rule());
    }
  }
}
