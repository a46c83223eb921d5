package dev.tangent.tensor;

import dev.tangent.api.Tangent;
import dev.tangent.spi.Display;
import java.io.StringWriter;

/** Runs one script in a fresh JVM for LazyLoadingTest, which watches the classes it loads. */
public final class LazyProbe {
  private LazyProbe() {}

  public static void main(String[] args) {
    StringWriter out = new StringWriter();
    Object v = Tangent.builder().output(out).build().evalRaw(args[0]);
    System.out.println("RESULT " + Display.repr(v));
  }
}
