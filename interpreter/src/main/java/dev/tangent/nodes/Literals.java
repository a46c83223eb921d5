package dev.tangent.nodes;

import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Display;
import dev.tangent.exec.Frame;
import dev.tangent.spi.Range;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;

/** Constants and collection literals. */
public final class Literals {
  private Literals() {}

  public static final class Const extends Node {
    public final Object value;

    public Const(Span span, Object value) {
      super(span);
      this.value = value;
    }

    @Override public Object eval(Frame f) { return value; }
  }

  public static final class ListNode extends Node {
    private final Node[] items;

    public ListNode(Span span, Node[] items) {
      super(span);
      this.items = items;
    }

    @Override public Object eval(Frame f) {
      TList l = new TList(items.length);
      for (Node n : items) l.items.add(n.eval(f));
      return l;
    }
  }

  public static final class TupleNode extends Node {
    private final Node[] items;

    public TupleNode(Span span, Node[] items) {
      super(span);
      this.items = items;
    }

    @Override public Object eval(Frame f) {
      Object[] xs = new Object[items.length];
      for (int i = 0; i < xs.length; i++) xs[i] = items[i].eval(f);
      return new Tuple(xs);
    }
  }

  public static final class MapNode extends Node {
    private final Node[] keys;
    private final Node[] values;

    public MapNode(Span span, Node[] keys, Node[] values) {
      super(span);
      this.keys = keys;
      this.values = values;
    }

    @Override public Object eval(Frame f) {
      TMap m = new TMap();
      for (int i = 0; i < keys.length; i++) {
        Object k = keys[i].eval(f);
        if (k instanceof TList || k instanceof TMap) {
          throw TangentError.runtime("a " + Types.typeName(k) + " cannot be a map key (it is mutable)").locate(keys[i].span, f.code.name);
        }
        m.put(k, values[i].eval(f));
      }
      return m;
    }
  }

  /** "text ${expr} more". */
  public static final class InterpNode extends Node {
    private final Object[] parts;   // String or Node

    public InterpNode(Span span, Object[] parts) {
      super(span);
      this.parts = parts;
    }

    @Override public Object eval(Frame f) {
      StringBuilder sb = new StringBuilder();
      for (Object p : parts) {
        if (p instanceof String s) sb.append(s);
        else sb.append(Display.str(((Node) p).eval(f)));
      }
      return sb.toString();
    }
  }

  public static final class RangeNode extends Node {
    private final Node start;
    private final Node end;
    private final boolean inclusive;

    public RangeNode(Span span, Node start, Node end, boolean inclusive) {
      super(span);
      this.start = start;
      this.end = end;
      this.inclusive = inclusive;
    }

    @Override public Object eval(Frame f) {
      Object a = start.eval(f);
      Object b = end.eval(f);
      if (!(a instanceof Double x) || !(b instanceof Double y)) {
        throw locate(TangentError.runtime("range bounds must be Numbers, got " + Types.typeName(a) + " and " + Types.typeName(b)), f);
      }
      return new Range(x, y, 1, inclusive);
    }
  }
}
