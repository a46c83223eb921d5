package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.TangentException;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tiny.pt was written by torch.jit.save (src/test/resources/torchscript/make_tiny.py, PyTorch
 * 2.13); tiny_io.npz holds an input, PyTorch's output for it, and the module's weights.
 */
class TorchScriptTest {
  @Test void runsATorchScriptModuleAsABlock() throws Exception {
    Map<String, NdArray> io = Npz.read(NnTesting.resource("torchscript/tiny_io.npz"));
    NnTesting n = new NnTesting();
    n.t.set("pt", NnTesting.resource("torchscript/tiny.pt").toString());
    n.t.set("io", NnTesting.resource("torchscript/tiny_io.npz").toString());
    n.eval("let ts = nn.load_torchscript(pt)\nlet io = load_npz(io)\nlet y = ts(io.x)");
    double[] want = io.get("y").toDoubles();
    double[] got = n.values("y");
    for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-6, "PyTorch's own output, element " + i);
    // And the closed form tanh(x Wᵀ + b) * 2 + rowsum(x) with the module's weights.
    double[] x = io.get("x").toDoubles();
    double[] w = io.get("weight").toDoubles();
    double[] b = io.get("bias").toDoubles();
    for (int r = 0; r < 2; r++) {
      double rowsum = 0;
      for (int k = 0; k < 4; k++) rowsum += x[r * 4 + k];
      for (int o = 0; o < 3; o++) {
        double z = b[o];
        for (int k = 0; k < 4; k++) z += x[r * 4 + k] * w[o * 4 + k];
        assertEquals(Math.tanh(z) * 2 + rowsum, got[r * 3 + o], 1e-5);
      }
    }
    assertEquals(2.0, n.num("len(ts.named_parameters())"));
    assertTrue(n.eval("ts").toString().contains("TorchScript(tiny.pt"));
    // It composes with other blocks.
    assertEquals(java.util.List.of(2.0, 1.0), n.eval("nn.sequential(ts, nn.linear(3, 1))(io.x).shape"));
  }

  @Test void aFileThatIsNotTorchScriptGivesAClearError(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.pt");
    Files.writeString(bad, "not a zip archive");
    NnTesting n = new NnTesting();
    n.t.set("bad", bad.toString());
    TangentException e = assertThrows(TangentException.class, () -> n.eval("nn.load_torchscript(bad)"));
    assertTrue(e.format().contains("is not a TorchScript module this PyTorch can read"), e.format());
    assertTrue(!e.format().contains("frame #"), e.format());
  }
}
