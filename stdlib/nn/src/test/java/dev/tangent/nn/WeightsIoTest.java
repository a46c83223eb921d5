package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.TangentException;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import dev.tangent.io.array.SafeTensors;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights to and from .npz and .safetensors through the io module's codecs. */
class WeightsIoTest {
  static final String MODEL = "nn.sequential(nn.conv2d(2, 3, 3), nn.batch_norm(3), nn.relu(), nn.conv_transpose2d(3, 1, 2, stride: 2))";

  @Test void roundTripsBothFormatsBitForBit(@TempDir Path dir) throws Exception {
    for (String ext : new String[] {"npz", "safetensors"}) {
      NnTesting n = new NnTesting();
      Path p = dir.resolve("w." + ext);
      n.t.set("p", p.toString());
      n.eval("nn.seed(1)\nlet a = " + MODEL + "\nlet x = randn(2, 2, 6, 6, seed: 4)\nlet ya = a(x)\na.save(p)\n"
          + "nn.seed(2)\nlet b = " + MODEL + "\nb.load(p)");
      assertArrayEquals(n.values("a.eval()(x)"), n.values("b.eval()(x)"), "same outputs after loading");
      Map<String, NdArray> file = ext.equals("npz") ? Npz.read(p) : SafeTensors.read(p).tensors();
      assertEquals(java.util.Set.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "3.weight", "3.bias"),
          file.keySet());
      assertEquals("F32", file.get("0.weight").dtype.name());
      assertArrayEquals(n.values("a[0].weight"), file.get("0.weight").toDoubles());
    }
  }

  @Test void interoperatesWithTheIoModulesMaps(@TempDir Path dir) {
    NnTesting n = new NnTesting();
    Path p = dir.resolve("m.safetensors");
    n.t.set("p", p.toString());
    n.eval("let lin = nn.linear(3, 2)\nnn.save_weights(p, lin)\nlet plain = load_safetensors(p)\n"
        + "let lin2 = nn.linear(3, 2)\nlin2.load_state_dict(plain)\nlet back = nn.load_weights(p)");
    assertArrayEquals(n.values("lin.weight"), n.values("lin2.weight"));
    assertArrayEquals(n.values("lin.bias"), n.values("back.bias"));
    assertEquals("f32", n.eval("plain.weight.dtype"));
  }

  @Test void mismatchesAreReportedByName(@TempDir Path dir) {
    NnTesting n = new NnTesting();
    Path p = dir.resolve("m.npz");
    n.t.set("p", p.toString());
    n.eval("nn.linear(3, 2).save(p)");
    TangentException e = assertThrows(TangentException.class, () -> n.eval("nn.linear(4, 2).load(p)"));
    assertTrue(e.format().contains("'weight' has shape [2, 3] in the file but (2, 4) in the model"), e.format());
    e = assertThrows(TangentException.class, () -> n.eval("nn.sequential(nn.linear(3, 2)).load(p)"));
    assertTrue(e.format().contains("missing [0.weight, 0.bias]; unexpected [weight, bias]"), e.format());
    e = assertThrows(TangentException.class, () -> n.eval("nn.linear(3, 2).save(\"w.pt\")"));
    assertTrue(e.format().contains("must end in .npz or .safetensors"), e.format());
  }

  @Test void loadingKeepsParametersUsableByAnExistingOptimiser(@TempDir Path dir) {
    NnTesting n = new NnTesting();
    Path p = dir.resolve("m.npz");
    n.t.set("p", p.toString());
    n.eval("let lin = nn.linear(2, 1)\nlet opt = nn.sgd(lin, lr: 0.5)\nlin.save(p)\n"
        + "lin.weight.assign(tensor([[3, 4]]))\nlin.load(p)\nlet w0 = lin.weight.tensor()\n"
        + "(lin(tensor([[1, 0]])).sum()).backward()\nopt.step()");
    double[] w0 = n.values("w0");
    double[] w1 = n.values("lin.weight");
    assertEquals(w0[0] - 0.5, w1[0], 1e-6, "the optimiser updated the loaded parameter");
    assertEquals(w0[1], w1[1], 1e-7);
  }
}
