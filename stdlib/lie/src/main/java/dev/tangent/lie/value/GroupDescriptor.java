package dev.tangent.lie.value;

import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.TangentError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Lie group as the module knows it, declared in one place: its kernel (storage, Exp and Log,
 * Jacobians, random elements and tangents; {@link LieGroup}), what it looks like in the language
 * (constructor, printing, help, accessors such as X.x and X.translation(), extra group members such
 * as SO3.from_rpy) and the facts about its layout that generic code needs (where the quaternions
 * and unit complex numbers are stored, which tangent coordinates are angles, where the rotation
 * blocks of the matrix form sit, how the stored coefficients move along the tangent, how a point
 * sits in the matrix form, and how to recognise its Lie algebra matrices).
 *
 * <p>Everything else (the element, tangent and group members every group has, operators, batches,
 * diff, interpolation and averages) is generic and reads the group through its descriptor. A named
 * group is registered by listing its descriptor (a public class with a public no-argument
 * constructor) in {@code META-INF/services/dev.tangent.lie.value.GroupDescriptor}; see the group
 * registry ({@code dev.tangent.lie.groups.GroupRegistry}). The parameterised families R(n) and
 * bundles are made on demand. A descriptor is written with {@link CoeffBlocks} and the built-ins
 * of {@code dev.tangent.lie.ops} (LieBuiltin, Accessors); it lives in this package because a
 * {@link GroupValue} reads everything specific to its group from it.
 *
 * <p>Arrays returned by the fact methods are fresh; offsets are in doubles of the stored
 * coefficients, tangent coordinates or matrix rows, as documented on each.
 */
public abstract class GroupDescriptor {
  private static final int[] NONE = {};

  private final Map<String, Builtin> properties = new LinkedHashMap<>();
  private final Map<String, Builtin> methods = new LinkedHashMap<>();

  /** The group's kernels; its name() is the group's name in the language. */
  public abstract LieGroup kernel();

  // ------------------------------------------------------------------ what it looks like in the language

  /** The constructor of g (this group's value); its signature is what G(...) accepts. */
  public abstract Builtin constructor(GroupValue g);

  /** How an element prints: SE3(t: [1, 2, 3], q: [0, 0, 0, 1]). */
  public abstract String format(Element x);

  /** One paragraph for help(G). */
  public abstract String doc(GroupValue g);

  /** The tangent coordinates in words: [rho_x, rho_y, theta]. */
  public abstract String tangentLayout();

  /** Extra members of the group value (SO3.from_rpy...). */
  public void groupMembers(GroupValue g, Map<String, Object> out) {}

  /** X[i]: only bundles index their elements. */
  public Object index(Element x, Object[] subs) {
    throw TangentError.runtime(x.group.typeName() + " elements cannot be indexed")
        .withHint("use X.coeffs() for the stored coefficients");
  }

  // ------------------------------------------------------------------ facts about the layout

  /** Storage offsets of the unit quaternions [qx, qy, qz, qw]. */
  public int[] quaternionOffsets() { return NONE; }

  /** Storage offsets of the unit complex numbers [cos, sin]. */
  public int[] complexOffsets() { return NONE; }

  /** The rotation angles of the tangent: {first coordinate, size} (1 for a plane, 3 for space). */
  public int[][] angleBlocks() { return new int[0][]; }

  /** The rotation blocks of the matrix form: {first row and column, size}. */
  public int[][] rotationBlocks() { return new int[0][]; }

  /**
   * Writes d coeffs(X (+) t) / dt at t = 0 (rep x dof: how the stored coefficients move along the
   * right tangent, manif's "local parameterization" Jacobian) for the element at x[xo..] into the
   * block at (row0, col0) of j, a row-major matrix with ld columns whose other entries are kept.
   * {@link CoeffBlocks} has the usual blocks.
   */
  public abstract void coeffJacobian(double[] x, int xo, double[] j, int row0, int col0, int ld);

  /** The matrix form's rows that hold a point: X.p is rows pointRows() of M(X) h (h from homogeneous()). */
  public int[] pointRows() {
    return range(0, kernel().dim);
  }

  /** The rows of the homogeneous point h that hold 1 (the others are the point's coordinates, or 0). */
  public int[] unitRows() {
    LieGroup k = kernel();
    return k.mat > k.dim ? new int[] {k.dim} : NONE;
  }

  /** How well a square Lie algebra matrix (n x n, row-major) fits this group, for vee(M) without a group. */
  public AlgebraMatch matchAlgebra(double[] m, int n) { return AlgebraMatch.NONE; }

  /** What vee(M) without a group decides by: the best match wins; two equal best matches are ambiguous. */
  public enum AlgebraMatch {
    /** Not this group's algebra (or the group takes no part in the guess). */
    NONE,
    /** The size fits, nothing else is checked. */
    SIZE,
    /** The size fits and the matrix has a structure only this group's algebra has. */
    STRUCTURE
  }

  // ------------------------------------------------------------------ the element members of this group

  /** An accessor read as X.name (no call). */
  protected final void property(Builtin b) { properties.put(b.name(), b); }

  /** A method of this group's elements, X.name(...). */
  protected final void method(Builtin b) { methods.put(b.name(), b); }

  public final Map<String, Builtin> properties() { return Collections.unmodifiableMap(properties); }

  public final Map<String, Builtin> methods() { return Collections.unmodifiableMap(methods); }

  public final Builtin property(String name) { return properties.get(name); }

  public final Builtin method(String name) { return methods.get(name); }

  /** The integers from..to-1. */
  protected static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) r[i] = from + i;
    return r;
  }

  @Override public String toString() { return kernel().name() + " descriptor"; }
}
