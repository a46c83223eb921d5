package dev.tangent.progress;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.TypeValue;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/** The progress(iterable) built-in (a prelude module: no import needed). */
public final class ProgressModule implements TangentModule {
  public static final TypeValue TYPE = new TypeValue("Progress", v -> v instanceof ProgressIterable,
      "An iterable that shows a progress bar as a loop walks it: progress(xs).");

  @Override public String name() { return "progress"; }

  @Override public String doc() {
    return "Progress bars: for b in progress(batches) { ... } shows a bar on a terminal and plain "
        + "periodic lines under CI or without a terminal. Long built-ins show one by themselves.";
  }

  @Override public boolean prelude() { return true; }

  @Override public void define(ModuleBuilder m) {
    m.type(ProgressIterable.class, TYPE);
    m.function(Builtin.of("progress(iterable, total=nil, desc='')",
        "Walks iterable and shows a progress bar: for b in progress(batches, desc: \"train\") { ... }. "
            + "total: the number of items when iterable cannot tell (a generator, a stream).",
        a -> {
          long total = a.present(1) ? a.longInt(1, -1) : ProgressIterable.knownLength(a.get(0));
          return new ProgressIterable(a.ctx(), a.get(0), total, a.str(2, ""));
        }));
  }
}
