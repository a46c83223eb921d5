package dev.tangent.lib;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.Permissions;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Runs a Tangent script file in a fresh JVM (the lazy-loading test's child process). */
public final class RunScript {
  private RunScript() {}

  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    Tangent t = Tangent.builder().output(out).errors(new PrintWriter(System.err, true)).permissions(Permissions.all()).build();
    try {
      t.evalFile(Path.of(args[0]));
    } catch (TangentException e) {
      System.err.println(e.format());
      System.exit(70);
    }
    out.flush();
  }
}
