package dev.tangent.spark.ship;

import dev.tangent.spi.Callable;
import dev.tangent.spi.FunctionShipping;
import dev.tangent.spi.Modules;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TangentError;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The executor's side of shipping: rebuilds a {@link Shipment}'s functions in a script host and
 * decodes its roots. Every function is compiled first, with its outside names as globals, and the
 * values set afterwards, so that functions that capture each other (or themselves) work.
 */
public final class Unpacker {
  private Unpacker() {}

  /** The permissions the driver's interpreter had: the executors' hosts get the same. */
  public static Permissions permissions(Shipment s) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(s.data))) {
      return readPermissions(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The roots of the shipment, its functions rebuilt in {@code host}. */
  public static List<Object> unpack(Shipment s, FunctionShipping.ScriptHost host) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(s.data))) {
      readPermissions(in);
      int nModules = in.readInt();
      for (int i = 0; i < nModules; i++) {
        String m = Codec.readString(in);
        if (Modules.get().module(m) == null) {
          throw TangentError.runtime("module '" + m + "' is not on this executor's class path")
              .withHint("the executors need the jars of every module the script imports (docs/spark.md, 'A cluster')");
        }
      }
      int nTexts = in.readInt();
      String[][] texts = new String[nTexts][];
      for (int i = 0; i < nTexts; i++) texts[i] = new String[] {Codec.readString(in), Codec.readString(in)};
      int nFunctions = in.readInt();
      List<Callable> functions = new ArrayList<>(nFunctions);
      List<FunctionShipping.Rebuilt> rebuilt = new ArrayList<>(nFunctions);
      List<byte[]> values = new ArrayList<>();
      List<List<String>> names = new ArrayList<>();
      // First pass: compile every function with its outside names (values are read as bytes).
      for (int i = 0; i < nFunctions; i++) {
        String name = Codec.readString(in);
        String[] text = texts[in.readInt()];
        int start = in.readInt();
        int end = in.readInt();
        int n = in.readInt();
        List<String> own = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          own.add(Codec.readString(in));
          values.add(blob(in));
        }
        names.add(own);
        FunctionShipping.Rebuilt r = host.rebuild(name, text[0], text[1], start, end, own);
        rebuilt.add(r);
        functions.add(r.function());
      }
      // Second pass: the outside values, which may name any function of the table.
      int v = 0;
      for (int i = 0; i < nFunctions; i++) {
        for (String name : names.get(i)) rebuilt.get(i).set(name, Codec.decode(values.get(v++), functions));
      }
      int nRoots = in.readInt();
      List<Object> roots = new ArrayList<>(nRoots);
      for (int i = 0; i < nRoots; i++) roots.add(Codec.read(in, functions));
      return roots;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One encoded value's bytes, length first. */
  private static byte[] blob(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }

  private static Permissions readPermissions(DataInputStream in) throws IOException {
    boolean all = in.readBoolean();
    boolean processes = in.readBoolean();
    boolean java = in.readBoolean();
    List<Path> read = readPaths(in);
    List<Path> write = readPaths(in);
    Permissions p = all ? Permissions.all() : Permissions.none();
    if (!all) {
      for (Path r : read) if (!write.contains(r)) p.allowRead(r);
      for (Path w : write) p.allowReadWrite(w);
      if (processes) p.allowProcesses();
      if (java) p.allowJava();
    }
    return p;
  }

  private static List<Path> readPaths(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Path> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(Path.of(Codec.readString(in)));
    return out;
  }
}
