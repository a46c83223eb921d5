package dev.tangent.lie.kernel;

/**
 * Per-thread work arrays for the derived kernels of {@link LieGroup}, so that rplus, rminus and
 * friends allocate nothing. Primitives never use it, so a derived kernel may call any primitive.
 */
final class Scratch {
  private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

  double[] e1 = new double[16];
  double[] e2 = new double[16];
  double[] t1 = new double[16];
  double[] j1 = new double[128];
  double[] j2 = new double[128];

  static Scratch get(LieGroup g) {
    Scratch s = LOCAL.get();
    if (s.e1.length < g.rep) {
      s.e1 = new double[g.rep];
      s.e2 = new double[g.rep];
    }
    if (s.t1.length < g.dof) s.t1 = new double[g.dof];
    int jj = g.dof * g.dof;
    if (s.j1.length < jj) {
      s.j1 = new double[jj];
      s.j2 = new double[jj];
    }
    return s;
  }
}
