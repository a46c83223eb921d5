package dev.tangent.spark.ship;

import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.FunctionShipping;
import dev.tangent.spi.FunctionShipping.FunctionParts;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TangentError;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver's side of shipping: takes the user functions (and data) a job needs apart into a
 * {@link Shipment}, following every function they capture, and refuses, with a message that names
 * the function and the captured name, anything that cannot travel. It runs when the job is
 * described (at the call to map, filter, ...), so a refusal comes before any task starts.
 */
public final class Packer implements Codec.FunctionTable {
  private final Context ctx;
  private final FunctionShipping shipping = FunctionShipping.get();
  private final Map<Callable, Integer> index = new IdentityHashMap<>();
  private final List<Callable> functions = new ArrayList<>();
  private final List<FunctionParts> parts = new ArrayList<>();
  private final Set<String> modules = new LinkedHashSet<>();
  private Codec.Exports exports;
  /** What is being packed, for messages: "the function given to map". */
  private final String role;

  private Packer(Context ctx, String role) {
    this.ctx = ctx;
    this.role = role;
  }

  /** The result: the shipment and the user functions in it (to position errors that come back). */
  public record Packed(Shipment shipment, List<Callable> functions) {}

  /**
   * Packs {@code roots} (functions or data) for the executors. {@code names} says what each root
   * is, for messages ("f", "zero").
   */
  public static Packed pack(Context ctx, String role, List<Object> roots, List<String> names) {
    Packer p = new Packer(ctx, role);
    return p.run(roots, names);
  }

  private Packed run(List<Object> roots, List<String> names) {
    // Modules first: the exports index covers every module a function may name.
    for (Object r : roots) collectModules(r);
    modules.addAll(shipping.modules(ctx));
    exports = Codec.Exports.of(new ArrayList<>(modules));
    List<byte[]> rootBytes = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) rootBytes.add(encode(roots.get(i), names.get(i), null));
    // Functions found while encoding are appended to the table: walk it until it stops growing.
    List<byte[]> outsideBytes = new ArrayList<>();
    for (int i = 0; i < functions.size(); i++) outsideBytes.add(outside(i));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writePermissions(out, ctx.permissions);
      out.writeInt(modules.size());
      for (String m : modules) Codec.writeString(out, m);
      Map<String, Integer> texts = new LinkedHashMap<>();
      for (FunctionParts f : parts) texts.putIfAbsent(f.sourceName() + "\u0000" + f.text(), texts.size());
      out.writeInt(texts.size());
      for (String key : texts.keySet()) {
        int cut = key.indexOf('\u0000');
        Codec.writeString(out, key.substring(0, cut));
        Codec.writeString(out, key.substring(cut + 1));
      }
      out.writeInt(parts.size());
      for (int i = 0; i < parts.size(); i++) {
        FunctionParts f = parts.get(i);
        Codec.writeString(out, f.name());
        out.writeInt(texts.get(f.sourceName() + "\u0000" + f.text()));
        out.writeInt(f.start());
        out.writeInt(f.end());
        out.write(outsideBytes.get(i));
      }
      out.writeInt(rootBytes.size());
      for (byte[] b : rootBytes) out.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Packed(new Shipment(bytes.toByteArray()), List.copyOf(functions));
  }

  private void collectModules(Object v) {
    if (v instanceof Callable c) {
      FunctionParts p = shipping.parts(c, ctx);
      if (p != null) modules.addAll(p.modules());
    }
  }

  /** A function's outside names and their values. */
  private byte[] outside(int i) {
    FunctionParts f = parts.get(i);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      Map<String, Object> names = new LinkedHashMap<>(f.outside());
      if (f.declaration()) names.remove(f.name());   // the declaration defines its own name
      out.writeInt(names.size());
      for (Map.Entry<String, Object> e : names.entrySet()) {
        Codec.writeString(out, e.getKey());
        byte[] value = encode(e.getValue(), "'" + e.getKey() + "'", f);
        out.writeInt(value.length);
        out.write(value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private byte[] encode(Object v, String name, FunctionParts owner) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, v, name, owner);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void write(DataOutputStream out, Object v, String path, FunctionParts owner) throws IOException {
    try {
      Codec.write(out, v, exports, this, path, 0);
    } catch (Codec.Refused r) {
      throw refusal(r, owner);
    }
  }

  private TangentError refusal(Codec.Refused r, FunctionParts owner) {
    String who = owner == null ? r.path : describe(owner) + " uses " + r.path;
    return TangentError.runtime("cannot send " + role + " to the executors: " + who + ", " + r.what + ", which cannot travel")
        .withHint("functions run on the executors take with them numbers, strings, booleans, tensors, Lie values, "
            + "other functions, and lists, tuples and maps of them: open files, sessions and Java objects stay on "
            + "the driver (make them inside the function instead)");
  }

  private static String describe(FunctionParts f) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < f.start() && i < f.text().length(); i++) {
      if (f.text().charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    String name = f.declaration() ? f.name() : f.name().equals("<fn>") ? "the fn" : "the lambda";
    return name + " at " + f.sourceName() + ":" + line + ":" + col;
  }

  @Override public int index(Callable fn, String path) {
    Integer i = index.get(fn);
    if (i != null) return i;
    FunctionParts p = shipping.parts(fn, ctx);
    if (p == null) throw new Codec.Refused(path, Codec.describe(fn));
    int n = functions.size();
    index.put(fn, n);
    functions.add(fn);
    parts.add(p);
    modules.addAll(p.modules());
    return n;
  }

  private static void writePermissions(DataOutputStream out, Permissions p) throws IOException {
    out.writeBoolean(p.allFiles());
    out.writeBoolean(p.processesAllowed());
    out.writeBoolean(p.javaAllowed());
    writePaths(out, p.readableFolders());
    writePaths(out, p.writableFolders());
  }

  private static void writePaths(DataOutputStream out, List<Path> paths) throws IOException {
    out.writeInt(paths.size());
    for (Path q : paths) Codec.writeString(out, q.toString());
  }
}
