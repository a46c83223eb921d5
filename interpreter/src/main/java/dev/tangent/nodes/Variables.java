package dev.tangent.nodes;

import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.exec.Cell;
import dev.tangent.exec.ControlSignal;
import dev.tangent.exec.Frame;

/** Reads and writes of locals, captured cells and globals, resolved to slots before running. */
public final class Variables {
  private Variables() {}

  public static final class LocalGet extends Node {
    private final int slot;

    public LocalGet(Span span, int slot) {
      super(span);
      this.slot = slot;
    }

    @Override public Object eval(Frame f) { return f.slots[slot]; }
  }

  /** A local captured by an inner function lives in a cell. */
  public static final class LocalCellGet extends Node {
    private final int slot;
    private final String name;

    public LocalCellGet(Span span, int slot, String name) {
      super(span);
      this.slot = slot;
      this.name = name;
    }

    @Override public Object eval(Frame f) {
      Object v = ((Cell) f.slots[slot]).value;
      if (v == Cell.UNINIT) throw locate(usedBeforeDefinition(name), f);
      return v;
    }
  }

  public static final class UpvalueGet extends Node {
    private final int index;
    private final String name;

    public UpvalueGet(Span span, int index, String name) {
      super(span);
      this.index = index;
      this.name = name;
    }

    @Override public Object eval(Frame f) {
      Object v = f.upvalues[index].value;
      if (v == Cell.UNINIT) throw locate(usedBeforeDefinition(name), f);
      return v;
    }
  }

  public static final class GlobalGet extends Node {
    private final Cell cell;
    private final String name;

    public GlobalGet(Span span, Cell cell, String name) {
      super(span);
      this.cell = cell;
      this.name = name;
    }

    @Override public Object eval(Frame f) {
      Object v = cell.value;
      if (v == Cell.UNINIT) throw locate(usedBeforeDefinition(name), f);
      return v;
    }
  }

  static TangentError usedBeforeDefinition(String name) {
    return TangentError.runtime("'" + name + "' is used before it is defined");
  }

  /** Where an assignment or a declaration stores a value. */
  public interface Target {
    void store(Frame f, Object value);
  }

  public record SlotTarget(int slot) implements Target {
    @Override public void store(Frame f, Object value) { f.slots[slot] = value; }
  }

  /** Declaring a captured local makes a fresh cell, so each loop iteration's closures see their own. */
  public record NewCellTarget(int slot) implements Target {
    @Override public void store(Frame f, Object value) { f.slots[slot] = new Cell(value); }
  }

  public record CellTarget(int slot) implements Target {
    @Override public void store(Frame f, Object value) { ((Cell) f.slots[slot]).value = value; }
  }

  public record UpvalueTarget(int index) implements Target {
    @Override public void store(Frame f, Object value) { f.upvalues[index].value = value; }
  }

  public record GlobalTarget(Cell cell) implements Target {
    @Override public void store(Frame f, Object value) { cell.value = value; }
  }

  public record IgnoreTarget() implements Target {
    @Override public void store(Frame f, Object value) {}
  }

  /** name = value, let name = value, and the like. */
  public static final class Store extends StmtNode {
    private final Target target;
    private final Node value;

    public Store(Span span, Target target, Node value) {
      super(span);
      this.target = target;
      this.value = value;
    }

    @Override public int exec(Frame f) {
      target.store(f, value.eval(f));
      return ControlSignal.NORMAL;
    }
  }

  /** Local slot stores get their own node: the hottest statement in loops. */
  public static final class StoreSlot extends StmtNode {
    private final int slot;
    private final Node value;

    public StoreSlot(Span span, int slot, Node value) {
      super(span);
      this.slot = slot;
      this.value = value;
    }

    @Override public int exec(Frame f) {
      f.slots[slot] = value.eval(f);
      return ControlSignal.NORMAL;
    }
  }

  /** Creates the cells of a block's fn declarations on entry, so siblings can call each other. */
  public static final class MakeCell extends StmtNode {
    private final int slot;

    public MakeCell(Span span, int slot) {
      super(span);
      this.slot = slot;
    }

    @Override public int exec(Frame f) {
      f.slots[slot] = new Cell();
      return ControlSignal.NORMAL;
    }
  }
}
