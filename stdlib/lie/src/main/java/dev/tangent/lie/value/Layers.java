package dev.tangent.lie.value;

import dev.tangent.spi.BinOp;
import java.util.Map;

/**
 * What the values leave to the layers above them, so that this package depends on none of them:
 * an operator whose other operand is a batch ({@code dev.tangent.lie.batch}) or a value tracked by
 * diff() ({@code dev.tangent.lie.diff}), a tangent built from a tracked vector, the value a tracked
 * element or tangent stands for in a type check, and the members every group value has
 * ({@code dev.tangent.lie.ops}). The group registry ({@code dev.tangent.lie.groups.GroupRegistry})
 * wires them once, before it makes the first group value: every element and tangent belongs to a
 * group value, so none exists before. On an operator's path each slot costs one static field read.
 */
public final class Layers {
  private Layers() {}

  /** Operands that a layer above the values takes over. */
  public interface Operands {
    /** Whether an operator with this operand belongs to this layer. */
    boolean involves(Object operand);

    /** The operator, with its operands in the order written. */
    Object binary(BinOp op, Object left, Object right);
  }

  /** diff()'s tracked values: their operators, tangents built from them, and what they stand for. */
  public interface Tracking extends Operands {
    /** G.Tangent(v) for a v this layer involves; fn names the call in messages. */
    Object tangent(GroupValue g, Object v, String fn);

    /** The element or tangent that a tracked one stands for; any other value as it is. */
    Object primal(Object v);
  }

  /** The members every group value has (G.exp, G.identity, G.random...), besides its descriptor's. */
  public interface Members {
    void define(GroupValue g, Map<String, Object> out);
  }

  private static final Operands NONE = new Operands() {
    @Override public boolean involves(Object operand) { return false; }

    @Override public Object binary(BinOp op, Object left, Object right) { throw unwired(); }
  };

  private static final Tracking UNTRACKED = new Tracking() {
    @Override public boolean involves(Object operand) { return false; }

    @Override public Object binary(BinOp op, Object left, Object right) { throw unwired(); }

    @Override public Object tangent(GroupValue g, Object v, String fn) { throw unwired(); }

    @Override public Object primal(Object v) { return v; }
  };

  // Plain fields, written once under the registry's class initialisation, which happens before
  // any group value (and so any element) exists.
  static Operands batches = NONE;
  static Tracking tracked = UNTRACKED;
  static Members members = (g, out) -> { throw unwired(); };

  /** Fills the table; the group registry calls it once, before it makes a group value. */
  public static synchronized void wire(Operands batches, Tracking tracked, Members members) {
    Layers.batches = batches;
    Layers.tracked = tracked;
    Layers.members = members;
  }

  /** The batch layer (for the layers between the values and the batches). */
  public static Operands batches() { return batches; }

  /** The diff layer (for the layers between the values and diff: batches refuse tracked operands). */
  public static Tracking tracked() { return tracked; }

  private static IllegalStateException unwired() {
    return new IllegalStateException("the lie module's layers are not wired: group values are made by "
        + "dev.tangent.lie.groups.GroupRegistry, which wires them first");
  }
}
