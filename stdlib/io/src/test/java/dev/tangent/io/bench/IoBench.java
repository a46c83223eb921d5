package dev.tangent.io.bench;

import dev.tangent.api.Tangent;
import dev.tangent.spi.Permissions;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * Side-by-side timing of the readers on real files (bench/io/io_bench.py does the same in NumPy).
 * Run from the repository root; see docs/benchmarks.md for the command. Medians of 5 after 2 warm-ups.
 */
public final class IoBench {
  public static void main(String[] args) {
    String fm = "/usr/share/datasets/fashion-mnist/";
    String nib = "testdata/debian/nibabel/";
    String[][] cases = {
      {"load_idx train images (47 MB gz)", "load_idx(\"" + fm + "train-images-idx3-ubyte.gz\").shape"},
      {"dataset_idx pass, batch 128", "var n = 0\nfor (x, y) in dataset_idx(\"" + fm + "train-images-idx3-ubyte.gz\", \"" + fm + "train-labels-idx1-ubyte.gz\").batch(128) { n = n + 1 }\nn"},
      {"load_nifti example4d.nii.gz + data", "load_nifti(\"" + nib + "example4d.nii.gz\").data.shape"},
      {"save_npy 4M f32", "save_npy(\"/tmp/iobench.npy\", big, dtype: \"f32\")"},
    };
    Tangent t = Tangent.builder().output(new StringWriter()).permissions(Permissions.all()).build();
    t.eval("let big = zeros(2000, 2000)");
    for (String[] c : cases) {
      double[] s = new double[7];
      for (int i = 0; i < s.length; i++) {
        long t0 = System.nanoTime();
        t.eval(c[1]);
        s[i] = (System.nanoTime() - t0) / 1e9;
      }
      double[] timed = Arrays.copyOfRange(s, 2, 7);
      Arrays.sort(timed);
      System.out.printf("%-40s %.3f s%n", c[0], timed[2]);
    }
  }
}
