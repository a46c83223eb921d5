package dev.tangent.lie.algo;

import dev.tangent.lie.kernel.LieGroup;
import java.util.ArrayList;
import java.util.List;

/** Bezier curves on a group by De Casteljau's algorithm, with geodesic (slerp) steps. */
public final class Curves {
  private Curves() {}

  /** The Bezier curve with the given control points, at s in [0, 1]. */
  public static double[] bezier(LieGroup g, List<double[]> points, double s) {
    if (points.isEmpty()) throw new IllegalArgumentException("a Bezier curve needs at least one control point");
    List<double[]> q = new ArrayList<>(points);
    double[] tau = new double[g.dof];
    while (q.size() > 1) {
      List<double[]> next = new ArrayList<>(q.size() - 1);
      for (int i = 0; i + 1 < q.size(); i++) {
        g.rminus(q.get(i + 1), 0, q.get(i), 0, tau, 0, null, 0, null, 0);
        for (int k = 0; k < tau.length; k++) tau[k] *= s;
        double[] out = new double[g.rep];
        g.rplus(q.get(i), 0, tau, 0, out, 0, null, 0, null, 0);
        next.add(out);
      }
      q = next;
    }
    return q.get(0).clone();
  }

  /**
   * Samples a curve through the control points: with degree 0, one Bezier curve over all of them
   * at n evenly spaced s in [0, 1] (both ends included); with degree k >= 2, as manif's
   * decasteljau(), consecutive segments of k control points sharing their end points, each sampled
   * at n points for s in (0, 1] after the first point.
   */
  public static List<double[]> decasteljau(LieGroup g, List<double[]> points, int n, int degree) {
    if (n < 2 && degree == 0) throw new IllegalArgumentException("need at least 2 samples, got " + n);
    if (n < 1) throw new IllegalArgumentException("need at least 1 sample per segment, got " + n);
    List<double[]> out = new ArrayList<>();
    if (degree == 0) {
      for (int i = 0; i < n; i++) out.add(bezier(g, points, (double) i / (n - 1)));
      return out;
    }
    if (degree < 2 || degree > points.size()) {
      throw new IllegalArgumentException("degree must be between 2 and the number of points (" + points.size() + "), got " + degree);
    }
    out.add(points.get(0).clone());
    for (int start = 0; start + degree <= points.size(); start += degree - 1) {
      List<double[]> seg = points.subList(start, start + degree);
      for (int i = 1; i <= n; i++) out.add(bezier(g, seg, (double) i / n));
    }
    return out;
  }
}
