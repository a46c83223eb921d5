package dev.tangent.lib;

import dev.tangent.lib.basis.BasisKind;
import dev.tangent.lib.build.LibBuild;
import dev.tangent.lib.build.Options;
import dev.tangent.lib.build.Runner;
import dev.tangent.lib.build.Stage;
import dev.tangent.lib.build.StageAccumulator;
import dev.tangent.lib.model.Inputs;
import dev.tangent.lib.model.LibModel;
import dev.tangent.lib.model.TransformerChain;
import java.util.List;

/** Times each stage of the full mod-add build (a development tool, run by hand). */
public final class BuildTiming {
  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 12769;
    LibModel model = TransformerChain.build(ModAddFixture.weights(), List.of("ln1.0", "ln2.0", "unembed", "output"), 3, true);
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    Inputs data = new Inputs(ModAddFixture.tokens(idx), "t", "d");
    for (int rep = 0; rep < 2; rep++) {
      LibBuild b = new LibBuild(model, Options.defaults(BasisKind.JACOBIAN).withThreads(threads));
      long t0 = System.nanoTime();
      Stage st;
      while ((st = b.next()) != null) {
        long s0 = System.nanoTime();
        StageAccumulator a = Runner.pass(b, st, data, null);
        long s1 = System.nanoTime();
        b.finish(a);
        long s2 = System.nanoTime();
        System.out.printf("%s: pass %.2f s, solve %.2f s%n", st.key(), (s1 - s0) / 1e9, (s2 - s1) / 1e9);
      }
      System.out.printf("total %.2f s, widths %d %d %d%n", (System.nanoTime() - t0) / 1e9, b.bases[0].width(), b.bases[1].width(), b.bases[2].width());
    }
  }
}
