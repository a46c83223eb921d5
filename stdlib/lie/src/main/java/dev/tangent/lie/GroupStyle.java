package dev.tangent.lie;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one group looks like in the language: its constructor, how its elements print, its
 * accessors (X.x, X.translation()...) and extra group members (SO3.from_rpy...). One subclass per
 * group; everything common to all groups lives in GroupMembers, ElementMethods and TangentMethods.
 */
abstract class GroupStyle {
  private final Map<String, Builtin> properties = new LinkedHashMap<>();
  private final Map<String, Builtin> methods = new LinkedHashMap<>();

  /** The constructor; its signature is what SE3(...) accepts. */
  abstract Builtin constructor(GroupValue g);

  /** How an element prints: SE3(t: [1, 2, 3], q: [0, 0, 0, 1]). */
  abstract String format(Element x);

  /** One paragraph for help(G). */
  abstract String doc(GroupValue g);

  /** The tangent coordinates in words: [rho_x, rho_y, theta]. */
  abstract String tangentLayout();

  /** The rotation blocks of the matrix form: {first row and column, size}. */
  abstract int[][] rotationBlocks();

  /** Extra members of the group value (SO3.from_rpy...). */
  void groupMembers(GroupValue g, Map<String, Object> out) {}

  /** X[i]: only bundles index their elements. */
  Object index(Element x, Object[] subs) {
    throw TangentError.runtime(x.group.typeName() + " elements cannot be indexed")
        .withHint("use X.coeffs() for the stored coefficients");
  }

  final Map<String, Builtin> properties() { return Collections.unmodifiableMap(properties); }

  final Map<String, Builtin> methods() { return Collections.unmodifiableMap(methods); }

  final Builtin property(String name) { return properties.get(name); }

  final Builtin method(String name) { return methods.get(name); }

  final void property(Builtin b) { properties.put(b.name(), b); }

  final void method(Builtin b) { methods.put(b.name(), b); }

  static String tangentLayout(GroupValue g) {
    return g.style.tangentLayout();
  }

  static Element self(Args a) {
    return (Element) a.get(0);
  }
}
