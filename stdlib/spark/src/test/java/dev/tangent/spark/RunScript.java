package dev.tangent.spark;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.Permissions;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Runs a Tangent script file in a fresh JVM (the lazy-loading and cluster tests' child process). */
public final class RunScript {
  private RunScript() {}

  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    Tangent t = Tangent.builder().output(out).errors(new PrintWriter(System.err, true)).permissions(Permissions.all()).build();
    t.set("args", java.util.Arrays.asList(args).subList(1, args.length));
    int status = 0;
    try {
      t.evalFile(Path.of(args[0]));
    } catch (TangentException e) {
      System.err.println(e.format());
      status = 70;
    }
    out.flush();
    System.exit(status);
  }
}
