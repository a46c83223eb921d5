package dev.tangent.spark.ship;

import dev.tangent.core.tensor.DType;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.Callable;
import dev.tangent.spi.ModuleValue;
import dev.tangent.spi.Modules;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Range;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tangent values as bytes, for the trip between the driver and the executors: numbers, strings,
 * booleans, nil, lists, tuples, maps, ranges, tensors (their dtype kept), Lie elements, tangents
 * and batches, built-ins and types by the module that exports them, and user functions by their
 * index in the shipment's function table. Anything else cannot travel: {@link Refused} says what
 * and where, so that the caller can put it in words.
 */
public final class Codec {
  private Codec() {}

  static final int NIL = 0, FALSE = 1, TRUE = 2, NUM = 3, STR = 4, LIST = 5, TUPLE = 6, MAP = 7, RANGE = 8,
      TENSOR = 9, LIE = 10, FUNCTION = 11, EXPORT = 12, MODULE = 13;

  /** Deeper than this, a value is taken for a cycle (a list that holds itself). */
  static final int MAX_DEPTH = 200;

  /** A value that cannot travel: {@code path} says where it sits ("[2].pose"), {@code what} what it is. */
  public static final class Refused extends RuntimeException {
    public final String path;
    public final String what;

    Refused(String path, String what) {
      super(what + " at " + path, null, false, false);
      this.path = path;
      this.what = what;
    }
  }

  /** Numbers user functions get for other functions they meet in values (null: none may travel). */
  public interface FunctionTable {
    int index(Callable fn, String path);
  }

  /** Exports of the loaded modules by identity, to send built-ins and types as (module, name). */
  public static final class Exports {
    private static final Map<List<String>, Exports> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Object, String[]> byValue = new IdentityHashMap<>();

    /** The index of the prelude and {@code modules}, made once per list of modules. */
    public static Exports of(List<String> modules) {
      return CACHE.computeIfAbsent(List.copyOf(modules), Exports::new);
    }

    /** Indexes the given modules' exports (the prelude modules first, so core names win). */
    private Exports(List<String> modules) {
      Modules all = Modules.get();
      List<String> order = new ArrayList<>();
      for (String n : all.names()) if (all.provider(n).prelude()) order.add(n);
      order.addAll(modules);
      for (String name : order) {
        ModuleValue m = all.module(name);
        if (m == null) continue;
        byValue.putIfAbsent(m, new String[] {name, null});
        m.exports().forEach((k, v) -> {
          if (!(v instanceof Double) && !(v instanceof String) && !(v instanceof Boolean)) byValue.putIfAbsent(v, new String[] {name, k});
        });
      }
    }

    String[] find(Object v) { return byValue.get(v); }
  }

  /** One element's bytes (data only: no functions). */
  public static byte[] encode(Object v, Exports exports) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, v, exports, null, "", 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static Object decode(byte[] data, List<Callable> functions) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      return read(in, functions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(DataOutputStream out, Object v, Exports exports, FunctionTable fns, String path, int depth)
      throws IOException {
    if (depth > MAX_DEPTH) throw new Refused(path, "a value nested more than " + MAX_DEPTH + " levels deep (a list or map that holds itself?)");
    if (v == null || v == Nil.NIL) {
      out.writeByte(NIL);
    } else if (v instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (v instanceof Double d) {
      out.writeByte(NUM);
      out.writeDouble(d);
    } else if (v instanceof String s) {
      out.writeByte(STR);
      writeString(out, s);
    } else if (v instanceof TList l) {
      out.writeByte(LIST);
      out.writeInt(l.size());
      for (int i = 0; i < l.size(); i++) write(out, l.get(i), exports, fns, path + "[" + i + "]", depth + 1);
    } else if (v instanceof Tuple t) {
      out.writeByte(TUPLE);
      out.writeInt(t.size());
      for (int i = 0; i < t.size(); i++) write(out, t.get(i), exports, fns, path + "[" + i + "]", depth + 1);
    } else if (v instanceof TMap m) {
      out.writeByte(MAP);
      out.writeInt(m.size());
      for (Map.Entry<Object, Object> e : m.entries.entrySet()) {
        write(out, e.getKey(), exports, fns, path + " (a key)", depth + 1);
        write(out, e.getValue(), exports, fns, path + "[" + keyText(e.getKey()) + "]", depth + 1);
      }
    } else if (v instanceof Range r) {
      out.writeByte(RANGE);
      out.writeDouble(r.start);
      out.writeDouble(r.step);
      out.writeLong(r.length);
    } else if (v instanceof Tensor t) {
      out.writeByte(TENSOR);
      writeTensor(out, t);
    } else if (LieValues.handles(v)) {
      out.writeByte(LIE);
      LieValues.write(out, v);
    } else {
      String[] export = exports == null ? null : exports.find(v);
      if (export != null && export[1] == null) {
        out.writeByte(MODULE);
        writeString(out, export[0]);
      } else if (export != null) {
        out.writeByte(EXPORT);
        writeString(out, export[0]);
        writeString(out, export[1]);
      } else if (v instanceof Callable c && c.userDefined() && fns != null) {
        out.writeByte(FUNCTION);
        out.writeInt(fns.index(c, path));
      } else {
        throw new Refused(path, describe(v));
      }
    }
  }

  /** What a value that cannot travel is, in words. */
  static String describe(Object v) {
    String type = Types.typeName(v);
    if (v instanceof Callable c && c.userDefined()) return "a function (" + c.name() + ")";
    if (v instanceof Callable) return "a " + type + " (" + v + ")";
    String cls = v.getClass().getName();
    if (!cls.startsWith("dev.tangent.")) return "a Java object (" + cls + ")";
    // core's java_class(...) objects: a wrapper whose text is "<java the-object>".
    String text = String.valueOf(v);
    if (text.startsWith("<java ") && text.endsWith(">")) {
      String inner = text.substring(6, text.length() - 1);
      return "a Java object (" + inner.replaceFirst("@[0-9a-f]+$", "") + ")";
    }
    return "a " + type;
  }

  static String keyText(Object k) {
    return k instanceof String s ? "\"" + s + "\"" : String.valueOf(k);
  }

  public static Object read(DataInputStream in, List<Callable> functions) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case NIL: return Nil.NIL;
      case FALSE: return Boolean.FALSE;
      case TRUE: return Boolean.TRUE;
      case NUM: return in.readDouble();
      case STR: return readString(in);
      case LIST: {
        int n = in.readInt();
        TList l = new TList(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) l.items.add(read(in, functions));
        return l;
      }
      case TUPLE: {
        int n = in.readInt();
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) items[i] = read(in, functions);
        return new Tuple(items);
      }
      case MAP: {
        int n = in.readInt();
        TMap m = new TMap();
        for (int i = 0; i < n; i++) {
          Object k = read(in, functions);
          m.put(k, read(in, functions));
        }
        return m;
      }
      case RANGE: {
        double start = in.readDouble();
        double step = in.readDouble();
        long length = in.readLong();
        return new Range(start, start + length * step, step, false);
      }
      case TENSOR: return readTensor(in);
      case LIE: return LieValues.read(in);
      case FUNCTION: return functions.get(in.readInt());
      case MODULE: {
        String name = readString(in);
        ModuleValue m = Modules.get().module(name);
        if (m == null) throw TangentError.runtime("module '" + name + "' is not on this executor's class path");
        return m;
      }
      case EXPORT: {
        String module = readString(in);
        String name = readString(in);
        ModuleValue m = Modules.get().module(module);
        if (m == null) throw TangentError.runtime("module '" + module + "' is not on this executor's class path");
        Object v = m.exports().get(name);
        if (v == null) throw TangentError.runtime("module '" + module + "' on this executor has no '" + name + "'");
        return v;
      }
      default: throw new IOException("unknown value tag " + tag);
    }
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  static void writeTensor(DataOutputStream out, Tensor t) throws IOException {
    DType dt = t.elementType();
    out.writeByte(dt.ordinal());
    int[] shape = t.shape();
    out.writeInt(shape.length);
    for (int d : shape) out.writeInt(d);
    switch (dt) {
      case F64: for (double x : t.toDoubleArray()) out.writeDouble(x); break;
      case F32: for (float x : t.toFloatArray()) out.writeFloat(x); break;
      case I64: for (long x : t.toLongArray()) out.writeLong(x); break;
      case BOOL: for (boolean x : t.toBoolArray()) out.writeBoolean(x); break;
      default: throw new IllegalStateException(dt.toString());
    }
  }

  static Tensor readTensor(DataInputStream in) throws IOException {
    DType dt = DType.values()[in.readUnsignedByte()];
    int[] shape = new int[in.readInt()];
    for (int i = 0; i < shape.length; i++) shape[i] = in.readInt();
    int n = Tensor.size(shape);
    switch (dt) {
      case F64: { double[] d = new double[n]; for (int i = 0; i < n; i++) d[i] = in.readDouble(); return Tensor.ofDoubles(shape, d); }
      case F32: { float[] d = new float[n]; for (int i = 0; i < n; i++) d[i] = in.readFloat(); return Tensor.ofFloats(shape, d); }
      case I64: { long[] d = new long[n]; for (int i = 0; i < n; i++) d[i] = in.readLong(); return Tensor.ofLongs(shape, d); }
      default: { boolean[] d = new boolean[n]; for (int i = 0; i < n; i++) d[i] = in.readBoolean(); return Tensor.ofBools(shape, d); }
    }
  }
}
