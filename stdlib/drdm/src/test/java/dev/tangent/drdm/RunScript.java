package dev.tangent.drdm;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.Modules;
import dev.tangent.spi.Permissions;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Runs a Tangent script file in a fresh JVM, as the launcher does (a .drdm file starts with drdm
 * imported; arguments after the file are the script's): the child process of the lazy-loading,
 * kill-and-resume and example tests.
 */
public final class RunScript {
  private RunScript() {}

  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    Path file = Path.of(args[0]);
    Tangent.Builder b = Tangent.builder().output(out).errors(new PrintWriter(System.err, true)).permissions(Permissions.all());
    String module = Modules.get().moduleForScript(file.getFileName().toString());
    if (module != null) b.importModule(module);
    Tangent t = b.build();
    t.set("args", new java.util.ArrayList<Object>(java.util.Arrays.asList(args).subList(1, args.length)));
    try {
      t.evalFile(file);
    } catch (TangentException e) {
      System.err.println(e.format());
      System.exit(70);
    }
    out.flush();
  }
}
