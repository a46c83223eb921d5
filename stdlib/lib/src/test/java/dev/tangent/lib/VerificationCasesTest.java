package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lib.basis.BasisKind;
import dev.tangent.lib.basis.Integration;
import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.build.LibBuild;
import dev.tangent.lib.build.Options;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.linalg.SymEigen;
import dev.tangent.lib.model.LibModel;
import dev.tangent.lib.section.Act;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The verification cases of spec §5 (1-7) with their known answers, on small MLPs whose
 * Jacobians are analytic. The closed forms (SVD of the weight matrix, block supports...) are
 * computed here independently of the build.
 */
class VerificationCasesTest {
  // The cases have exact zero directions, which come back as rounding noise of about 1e-15 times
  // the scale, above or below rib's default threshold 1e-15 depending on the BLAS kernels (the
  // kernel set OpenBLAS picks for the CPU): the cases truncate above rounding instead.
  static final Options LIB = Options.defaults(BasisKind.JACOBIAN).withThreshold(1e-12);
  static final Options RAW = LIB.withCenter(false);

  /** Singular values of a (m x n), descending, from the eigenvalues of aᵀa. */
  static double[] singularSquares(Mat a) {
    return SymEigen.of(a.tmul(a)).values;
  }

  @Test void case1LinearLayerIsTheSvd() {
    SplittableRandom r = new SplittableRandom(11);
    int d = 6;
    int m = 4;
    Mat aCol = Nets.randn(r, m, d, 1);          // out = A x (column convention)
    Mat data = Nets.whitened(r, 400, d);
    LibModel net = Nets.mlp(List.of(new Nets.Layer(aCol.t(), null, Act.IDENTITY)));
    LibBuild b = Nets.build(net, data, RAW);
    LayerBasis l0 = b.bases[0];
    double[] sigma2 = singularSquares(aCol.t().t());   // eigenvalues of AᵀA = σ²
    // Λ = σ², rank 4 of 7 coordinates (6 inputs + the constant 1, which the linear map ignores).
    assertEquals(m, l0.width());
    for (int j = 0; j < m; j++) assertEquals(sigma2[j], l0.lambdas()[j], 1e-10 * sigma2[0], "Λ_" + j);
    // f_j = σ_j v_jᵀ x: the columns of C (input rows) are σ_j v_j up to sign.
    SymEigen ev = SymEigen.of(aCol.tmul(aCol));
    for (int j = 0; j < m; j++) {
      double[] cj = Arrays.copyOf(l0.c().col(j), d);
      double[] vj = ev.vectors.col(j);
      assertEquals(1.0, Nets.absCos(cj, vj), 1e-10);
      double norm = 0;
      for (double v : cj) norm += v * v;
      assertEquals(Math.sqrt(sigma2[j]), Math.sqrt(norm), 1e-9);
      assertEquals(0.0, l0.c().get(d, j), 1e-12, "no constant component");
    }
    // E[i, j] = U_A[i, j]² σ_j² and Σ_i E_ij = Λ_j, U_A[:, j] = A v_j / σ_j.
    Mat e = b.edges[0];
    for (int j = 0; j < m; j++) {
      double[] vj = ev.vectors.col(j);
      double colSum = 0;
      for (int i = 0; i < m; i++) {
        double uij = 0;
        for (int k = 0; k < d; k++) uij += aCol.get(i, k) * vj[k];
        uij /= Math.sqrt(sigma2[j]);
        assertEquals(uij * uij * sigma2[j], e.get(i, j), 1e-9 * sigma2[0], "E[" + i + "," + j + "]");
        colSum += e.get(i, j);
      }
      assertEquals(l0.lambdas()[j], colSum, 1e-9 * sigma2[0]);
    }
    // Rotating the output (its PCA basis) makes the graph diagonal: E = diag(σ²).
    LibBuild rot = Nets.build(net, data, RAW.withRotateFinal(true));
    Mat er = rot.edges[0];
    for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) {
      assertEquals(i == j ? sigma2[j] : 0, er.get(i, j), 1e-9 * sigma2[0], "rotated E[" + i + "," + j + "]");
    }
  }

  @Test void case1GeneralCovarianceGivesTheSvdOfASigmaHalf() {
    SplittableRandom r = new SplittableRandom(12);
    int d = 5;
    Mat aCol = Nets.randn(r, 3, d, 1);
    Mat mix = Nets.randn(r, d, d, 1);
    Mat data = Nets.whitened(r, 500, d).mul(mix);    // covariance Σ = mixᵀ mix (mean 0)
    LibBuild b = Nets.build(Nets.mlp(List.of(new Nets.Layer(aCol.t(), null, Act.IDENTITY))), data, RAW);
    Mat sigma = mix.tmul(mix);
    // σ(A Σ^½)² are the eigenvalues of A Σ Aᵀ.
    double[] want = SymEigen.of(aCol.mul(sigma).mulT(aCol)).values;
    for (int j = 0; j < 3; j++) assertEquals(want[j], b.bases[0].lambdas()[j], 1e-9 * want[0]);
  }

  @Test void case2IrrelevantDirectionsAreDropped() {
    SplittableRandom r = new SplittableRandom(13);
    Mat data = Nets.randn(r, 300, 4, 1);
    for (int i = 0; i < 300; i++) data.set(i, 3, 0);          // x3 ≡ 0
    Mat a = Nets.randn(r, 4, 5, 1);
    for (int j = 0; j < 5; j++) a.set(2, j, 0);               // the next layer ignores x2
    LibModel net = Nets.mlp(List.of(new Nets.Layer(a, Nets.randv(r, 5, 1), Act.RELU), new Nets.Layer(Nets.randn(r, 5, 2, 1), null, Act.IDENTITY)));
    LibBuild b = Nets.build(net, data, LIB);
    LayerBasis l0 = b.bases[0];
    assertEquals(1 + 3, l0.gramValues().length, "truncation 1: the constant and 3 varying PCA directions");
    // Truncation 2 at 1e-15 is absolute: the ignored direction's Λ is rounding noise (about 1e-15 of
    // the largest) that may land on either side of it, so count the directions above noise.
    assertEquals(1 + 2, significant(l0.lambdas()), "truncation 2: the constant and 2 LIB directions " + Arrays.toString(l0.lambdas()));
    for (int j = 3; j < l0.width(); j++) assertTrue(l0.lambdas()[j] < 1e-13 * l0.lambdas()[1], "only noise beyond: " + l0.lambdas()[j]);
    for (int j = 1; j < significant(l0.lambdas()); j++) {
      assertEquals(0.0, l0.c().get(2, j), 1e-12, "C[2," + j + "]");
      assertEquals(0.0, l0.c().get(3, j), 1e-12, "C[3," + j + "]");
    }
    // A dead ReLU (always 0) has no variance and is dropped at the next layer.
    Mat w = Nets.randn(r, 4, 3, 1);
    double[] bias = {0, 0, -1e6};
    LibModel dead = Nets.mlp(List.of(new Nets.Layer(w, bias, Act.RELU), new Nets.Layer(Nets.randn(r, 3, 2, 1), null, Act.IDENTITY)));
    LibBuild bd = Nets.build(dead, Nets.randn(r, 300, 4, 1), LIB);
    assertEquals(1 + 2, bd.bases[1].gramValues().length);
    for (int j = 0; j < bd.bases[1].width(); j++) if (j > 0) assertEquals(0.0, bd.bases[1].c().get(2, j), 1e-12);
  }

  /** Hidden layer 1 of a ReLU MLP re-expressed as x T (T invertible, constant fixed), compensated downstream. */
  static void reparametrisation(boolean center) {
    SplittableRandom r = new SplittableRandom(14);
    int d0 = 5;
    int d1 = 6;
    Mat w0 = Nets.randn(r, d0, d1, 0.8);
    double[] b0 = Nets.randv(r, d1, 0.3);
    Mat w1 = Nets.randn(r, d1, 4, 0.8);
    double[] b1 = Nets.randv(r, 4, 0.3);
    Mat w2 = Nets.randn(r, 4, 3, 0.8);
    Mat data = Nets.randn(r, 800, d0, 1);
    Options o = center ? LIB : RAW;
    LibModel base = Nets.mlp(List.of(new Nets.Layer(w0, b0, Act.RELU), new Nets.Layer(w1, b1, Act.RELU), new Nets.Layer(w2, null, Act.IDENTITY)));
    LibBuild b = Nets.build(base, data, o);
    Mat t = Nets.randn(r, d1, d1, 1);
    Mat tInv = inverse(t);
    Mat tf = block(t);
    Mat tInvF = block(tInv);
    // Section 0: relu(x W0f) Tf; section 1: relu((x Tf⁻¹) W1f).
    var s0 = new dev.tangent.lib.section.GatedLinearSection(1, null, false,
        dev.tangent.lib.model.Folding.hidden(w0, b0, Act.RELU, 0), Act.RELU, 0, tf, "relu then T");
    var s1 = dev.tangent.lib.section.GatedLinearSection.layer(1, tInvF.mul(dev.tangent.lib.model.Folding.hidden(w1, b1, Act.RELU, 0)), Act.RELU, 0, "T⁻¹ then relu");
    LibModel repar = new LibModel("mlp", base.layers, List.of(s0, s1, base.sections.get(2)), base.prefix, List.of(), true);
    LibBuild br = Nets.build(repar, data, o);
    // Same outputs, so the reparametrisation is exact.
    assertTrue(new Mat(800, 3, base.logitsFrom(0, base.prefix.apply(data.a, 800), 800))
        .minus(new Mat(800, 3, repar.logitsFrom(0, repar.prefix.apply(data.a, 800), 800))).maxAbs() < 1e-9);
    Mat f = Nets.features(base, b, data, 1);
    Mat fr = Nets.features(repar, br, data, 1);
    double[] lam = b.bases[1].lambdas();
    double[] lamR = br.bases[1].lambdas();
    // Directions with Λ at rounding level (1e-15 of a Λ of order 10) are numerical zeros on both sides.
    int sig = significant(lam);
    assertEquals(sig, significant(lamR), Arrays.toString(lam) + " vs " + Arrays.toString(lamR));
    assertTrue(sig >= 4);
    for (int j = 0; j < sig; j++) {
      assertEquals(lam[j], lamR[j], 1e-8 * lam[0], "Λ_" + j);
      assertEquals(1.0, Nets.absCos(f.col(j), fr.col(j)), 1e-7, "LIB feature " + j + " is unchanged");
    }
    // PCA is not invariant: some feature turns.
    LibBuild p = Nets.build(base, data, o.withKind(BasisKind.PCA));
    LibBuild pr = Nets.build(repar, data, o.withKind(BasisKind.PCA));
    Mat fp = Nets.features(base, p, data, 1);
    Mat fpr = Nets.features(repar, pr, data, 1);
    double worst = 1;
    for (int j = 0; j < Math.min(fp.cols, fpr.cols); j++) worst = Math.min(worst, Nets.absCos(fp.col(j), fpr.col(j)));
    assertTrue(worst < 0.95, "PCA features change under T: smallest |cos| " + worst);
  }

  /** The number of leading Λ above 1e-10 of the largest (the rest is rounding noise). */
  static int significant(double[] lam) {
    double max = Arrays.stream(lam).max().orElse(0);
    int n = 0;
    for (double l : lam) if (l > 1e-10 * max) n++;
    return n;
  }

  static Mat inverse(Mat t) {
    int n = t.rows;
    Mat a = t.copy();
    Mat inv = Mat.identity(n);
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int i = c + 1; i < n; i++) if (Math.abs(a.get(i, c)) > Math.abs(a.get(piv, c))) piv = i;
      for (int j = 0; j < n; j++) {
        double x = a.get(c, j);
        a.set(c, j, a.get(piv, j));
        a.set(piv, j, x);
        x = inv.get(c, j);
        inv.set(c, j, inv.get(piv, j));
        inv.set(piv, j, x);
      }
      double p = a.get(c, c);
      for (int j = 0; j < n; j++) {
        a.set(c, j, a.get(c, j) / p);
        inv.set(c, j, inv.get(c, j) / p);
      }
      for (int i = 0; i < n; i++) {
        if (i == c) continue;
        double f = a.get(i, c);
        for (int j = 0; j < n; j++) {
          a.set(i, j, a.get(i, j) - f * a.get(c, j));
          inv.set(i, j, inv.get(i, j) - f * inv.get(c, j));
        }
      }
    }
    return inv;
  }

  /** [[T, 0], [0, 1]]: T on the neurons, the constant coordinate fixed. */
  static Mat block(Mat t) {
    int n = t.rows;
    Mat b = Mat.zeros(n + 1, n + 1);
    for (int i = 0; i < n; i++) System.arraycopy(t.a, i * n, b.a, i * (n + 1), n);
    b.set(n, n, 1);
    return b;
  }

  @Test void case3LibIsInvariantUnderReparametrisationCentred() { reparametrisation(true); }

  @Test void case3LibIsInvariantUnderReparametrisationUncentred() { reparametrisation(false); }

  @Test void case4LinearChainHasOneSpectrumAndDiagonalEdges() {
    SplittableRandom r = new SplittableRandom(15);
    Mat w0 = Nets.randn(r, 4, 4, 1);
    Mat w1 = Nets.randn(r, 4, 4, 1);
    Mat w2 = Nets.randn(r, 4, 3, 1);
    Mat data = Nets.randn(r, 500, 4, 1);
    LibModel net = Nets.mlp(List.of(new Nets.Layer(w0, Nets.randv(r, 4, 1), Act.IDENTITY),
        new Nets.Layer(w1, Nets.randv(r, 4, 1), Act.IDENTITY), new Nets.Layer(w2, null, Act.IDENTITY)));
    LibBuild b = Nets.build(net, data, LIB);
    // The non-constant spectrum is the same at every layer: squared singular values of Σ^½ W0 W1 W2.
    Mat xc = centred(data);
    Mat sigma = xc.tmul(xc).scale(1.0 / 500);
    Mat end = w0.mul(w1).mul(w2);
    double[] want = SymEigen.of(end.tmul(sigma).mul(end)).values;
    for (int l = 0; l < 3; l++) {
      double[] lam = b.bases[l].lambdas();
      assertEquals(1 + 3, significant(lam), "layer " + l + ": " + Arrays.toString(lam));
      for (int j = 0; j < 3; j++) assertEquals(want[j], lam[j + 1], 1e-9 * want[0], "layer " + l + " Λ_" + (j + 1));
    }
    // Between hidden LIB layers the edges are diagonal with E_jj = Λ_j.
    for (int l = 0; l < 2; l++) {
      Mat e = b.edges[l];
      double max = e.maxAbs();
      for (int i = 0; i < e.rows; i++) for (int j = 0; j < e.cols; j++) {
        if (i == j) assertEquals(b.bases[l].lambdas()[j], e.get(i, j), 1e-9 * max);
        else assertTrue(Math.abs(e.get(i, j)) < 1e-12 * max, "off-diagonal E[" + i + "," + j + "] = " + e.get(i, j));
      }
    }
  }

  static Mat centred(Mat x) {
    Mat c = x.copy();
    for (int j = 0; j < x.cols; j++) {
      double mean = 0;
      for (int i = 0; i < x.rows; i++) mean += x.get(i, j);
      mean /= x.rows;
      for (int i = 0; i < x.rows; i++) c.set(i, j, c.get(i, j) - mean);
    }
    return c;
  }

  static LibModel reluMlp(SplittableRandom r) {
    return Nets.mlp(List.of(new Nets.Layer(Nets.randn(r, 5, 8, 0.7), Nets.randv(r, 8, 0.5), Act.RELU),
        new Nets.Layer(Nets.randn(r, 8, 6, 0.7), Nets.randv(r, 6, 0.5), Act.RELU),
        new Nets.Layer(Nets.randn(r, 6, 3, 0.7), Nets.randv(r, 3, 0.2), Act.IDENTITY)));
  }

  static void normalisation(boolean center) {
    SplittableRandom r = new SplittableRandom(16);
    LibModel net = reluMlp(r);
    Mat data = Nets.randn(r, 1000, 5, 1);
    LibBuild b = Nets.build(net, data, center ? LIB : RAW);
    double[][] acts = net.activations(data.a, 1000);
    for (int l = 0; l < 3; l++) {
      LayerBasis lb = b.bases[l];
      Mat f = new Mat(1000, net.width(l), acts[l]).mul(lb.c());
      // E[f fᵀ] = diag(Λ) on raw activations.
      Mat g = f.tmul(f).scale(1.0 / 1000);
      for (int i = 0; i < g.rows; i++) for (int j = 0; j < g.cols; j++) {
        assertEquals(i == j ? lb.lambdas()[i] : 0, g.get(i, j), 1e-9 * lb.lambdas()[0], "layer " + l + " E[f fᵀ][" + i + "," + j + "]");
      }
      // E[J̃ᵀ J̃] = I on the non-constant block, J̃ = ∂f^{l+1}/∂f^l = C⁺_l J C_{l+1}.
      Mat cNext = b.bases[l + 1].c();
      var s = net.sections.get(l);
      double[] u = new double[cNext.cols * s.outSize()];
      for (int i = 0; i < cNext.cols; i++) for (int m = 0; m < s.outSize(); m++) u[i * s.outSize() + m] = cNext.get(m, i);
      double[] gx = new double[1000 * cNext.cols * s.inSize()];
      s.vjp(acts[l], 1000, u, cNext.cols, true, gx);
      int skip = center ? 1 : 0;
      int r0 = lb.width();
      Mat sum = Mat.zeros(r0, r0);
      for (int n = 0; n < 1000; n++) {
        Mat gn = new Mat(cNext.cols, s.inSize(), Arrays.copyOfRange(gx, n * cNext.cols * s.inSize(), (n + 1) * cNext.cols * s.inSize()));
        Mat jt = gn.mulT(lb.cInv());     // [next feature][this feature]
        sum.addScaled(jt.tmul(jt), 1.0 / 1000);
      }
      if (l < 2) {
        for (int i = skip; i < r0; i++) for (int j = skip; j < r0; j++) {
          assertEquals(i == j ? 1 : 0, sum.get(i, j), 1e-8, "layer " + l + " E[J̃ᵀJ̃][" + i + "," + j + "]");
        }
      }
      if (center) {
        double c0 = f.get(0, 0);
        for (int n = 0; n < 1000; n++) assertEquals(c0, f.get(n, 0), 1e-10 * Math.abs(c0), "f0 is constant");
        assertEquals(Math.sqrt(lb.lambdas()[0]), Math.abs(c0), 1e-10 * Math.abs(c0));
        for (int j = 1; j < f.cols; j++) {
          double mean = 0;
          for (int n = 0; n < 1000; n++) mean += f.get(n, j);
          assertEquals(0, mean / 1000, 1e-10 * Math.sqrt(lb.lambdas()[0]), "feature " + j + " has zero mean");
          assertEquals(0, lb.cInv().get(j, net.width(l) - 1), 1e-12, "C⁺[" + j + ", bias]");
        }
        double[] row0 = lb.cInv().row(0);
        assertEquals(1.0, Nets.absCos(Arrays.copyOf(row0, row0.length), lb.mean()), 1e-12, "C⁺[0] ∝ μ");
      }
    }
  }

  @Test void case5NormalisationIdentitiesCentred() { normalisation(true); }

  @Test void case5NormalisationIdentitiesUncentred() { normalisation(false); }

  @Test void case6HomogeneousNetworksGiveTheGradientForEveryRule() {
    SplittableRandom r = new SplittableRandom(17);
    LibModel net = reluMlp(r);
    Mat data = Nets.randn(r, 400, 5, 1);
    LibBuild g = Nets.build(net, data, LIB);
    for (Integration in : List.of(Integration.of("trapezoidal", 3), Integration.of("gauss-legendre", 4))) {
      LibBuild o = Nets.build(net, data, LIB.withIntegration(in));
      for (int l = 0; l < 3; l++) {
        assertTrue(g.bases[l].c().minus(o.bases[l].c()).maxAbs() < 1e-8 * g.bases[l].c().maxAbs(), in.rule() + " C at layer " + l);
        if (l < 3) assertTrue(g.edges[l].minus(o.edges[l]).maxAbs() < 1e-9 * g.edges[l].maxAbs(), in.rule() + " edges " + l);
      }
    }
    // Completeness: Σ_j Ā_ij = F̂_i(f) − F̂_i(0) = F̂_i(f) for the homogeneous folded section.
    double[][] acts = net.activations(data.a, 400);
    for (int l = 0; l < 2; l++) {
      LayerBasis lb = g.bases[l];
      Mat cNext = g.bases[l + 1].c();
      var s = net.sections.get(l);
      Mat f = new Mat(400, net.width(l), acts[l]).mul(lb.c());
      Mat xp = f.mul(lb.cInv());
      double[] y = new double[400 * s.outSize()];
      s.forward(xp.a, 400, y);
      Mat fNext = new Mat(400, s.outSize(), y).mul(cNext);
      double[] u = new double[cNext.cols * s.outSize()];
      for (int i = 0; i < cNext.cols; i++) for (int m = 0; m < s.outSize(); m++) u[i * s.outSize() + m] = cNext.get(m, i);
      double[] gx = new double[400 * cNext.cols * s.inSize()];
      s.vjp(xp.a, 400, u, cNext.cols, true, gx);
      for (int n = 0; n < 400; n += 37) {
        Mat gn = new Mat(cNext.cols, s.inSize(), Arrays.copyOfRange(gx, n * cNext.cols * s.inSize(), (n + 1) * cNext.cols * s.inSize()));
        Mat jt = gn.mulT(lb.cInv());
        for (int i = 0; i < cNext.cols; i++) {
          double sum = 0;
          for (int j = 0; j < lb.width(); j++) sum += jt.get(i, j) * f.get(n, j);
          assertEquals(fNext.get(n, i), sum, 1e-9 * (1 + Math.abs(fNext.get(n, i))), "completeness, layer " + l + " sample " + n + " feature " + i);
        }
      }
    }
  }

  @Test void case7ModularNetworkKeepsItsBlocksApart() {
    SplittableRandom r = new SplittableRandom(18);
    // Block-diagonal ReLU MLP: inputs (a0..a2, b0..b2) -> hidden (3 + 3) -> outputs (2 + 2).
    Mat w0 = Mat.zeros(6, 6);
    Mat w1 = Mat.zeros(6, 4);
    double[] b0 = Nets.randv(r, 6, 0.3);
    for (int blk = 0; blk < 2; blk++) {
      for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) w0.set(3 * blk + i, 3 * blk + j, Nets.gauss(r));
      for (int i = 0; i < 3; i++) for (int j = 0; j < 2; j++) w1.set(3 * blk + i, 2 * blk + j, Nets.gauss(r));
    }
    // Product dataset: every pair of 30 block-A samples and 30 block-B samples.
    Mat sa = Nets.randn(r, 30, 3, 1);
    Mat sb = Nets.randn(r, 30, 3, 1);
    Mat data = Mat.zeros(900, 6);
    for (int i = 0; i < 30; i++) for (int j = 0; j < 30; j++) {
      for (int k = 0; k < 3; k++) {
        data.set(i * 30 + j, k, sa.get(i, k));
        data.set(i * 30 + j, 3 + k, sb.get(j, k));
      }
    }
    LibModel net = Nets.mlp(List.of(new Nets.Layer(w0, b0, Act.RELU), new Nets.Layer(w1, null, Act.IDENTITY)));
    LibBuild b = Nets.build(net, data, LIB);
    for (int l = 0; l < 2; l++) {
      LayerBasis lb = b.bases[l];
      int[] blockOf = new int[lb.width()];
      int sig = significant(lb.lambdas());
      assertTrue(sig >= 4, "layer " + l);
      for (int j = 1; j < sig; j++) {
        double na = 0;
        double nb = 0;
        for (int k = 0; k < 3; k++) {
          na += Math.pow(lb.c().get(k, j), 2);
          nb += Math.pow(lb.c().get(3 + k, j), 2);
        }
        assertTrue(Math.min(na, nb) < 1e-16 * Math.max(na, nb), "layer " + l + " feature " + j + " reads both blocks: " + na + " " + nb);
        blockOf[j] = na > nb ? 0 : 1;
      }
      if (l == 0) {
        Mat e = b.edges[0];
        var next = b.bases[1];
        for (int i = 1; i < significant(next.lambdas()); i++) {
          double na = 0;
          double nb = 0;
          for (int k = 0; k < 3; k++) {
            na += Math.pow(next.c().get(k, i), 2);
            nb += Math.pow(next.c().get(3 + k, i), 2);
          }
          int bi = na > nb ? 0 : 1;
          for (int j = 1; j < sig; j++) {
            if (blockOf[j] != bi) assertTrue(e.get(i, j) < 1e-14 * e.maxAbs(), "cross-block edge " + i + "," + j + " = " + e.get(i, j));
          }
        }
      }
    }
  }
}
