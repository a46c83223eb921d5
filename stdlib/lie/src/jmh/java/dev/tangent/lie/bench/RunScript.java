package dev.tangent.lie.bench;

import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TList;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a .lie script as ./tangent run does (import lie, args after the path), for the bench scripts. */
public final class RunScript {
  private RunScript() {}

  public static void main(String[] a) throws IOException {
    PrintWriter out = new PrintWriter(System.out, true);
    Interpreter in = new Interpreter(out, out, Permissions.all());
    in.importModule("lie");
    TList args = new TList();
    for (int i = 1; i < a.length; i++) args.items.add(a[i]);
    in.setGlobal("args", args);
    try {
      in.run(in.compile(new SourceFile(a[0], Files.readString(Path.of(a[0]))), false, false));
    } catch (TangentException e) {
      System.err.println(e.format());
      System.exit(1);
    }
  }
}
