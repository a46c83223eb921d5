package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * libtorch keeps references to arrays that Java no longer holds: autograd saves operands for the
 * backward pass, and a slice is a view of its base's memory. Such arrays must own their memory.
 * DJL makes arrays from Java data (and the scalar operand of x.div(2.0) and friends) as views of a
 * Java direct buffer that is freed once the Java array object is closed and collected; the
 * backward pass or the view then reads freed memory (intermittent NaN weights in training runs,
 * CheckpointResumeTest, whenever a collection fell between a forward pass and its backward pass).
 *
 * <p>Each test runs the forward pass, then collects garbage until the JVM has freed every direct
 * buffer that nothing references (free() overwrites the start of each freed block), and only then
 * reads the result. Before the fix every one of them read freed memory.
 */
class NativeMemoryLifetimeTest {

  /** Collections until the count of direct buffers stops falling, so that their memory is freed. */
  static void freeUnreachableDirectBuffers() throws InterruptedException {
    long before = Long.MAX_VALUE;
    for (int round = 0; round < 20; round++) {
      System.gc();
      Thread.sleep(20);
      long now = directBuffers();
      if (now >= before && round >= 2) break;
      before = now;
    }
    // Hand the freed blocks out again with other contents, as a busy program would.
    List<ByteBuffer> reuse = new ArrayList<>();
    for (int i = 0; i < 2000; i++) reuse.add(ByteBuffer.allocateDirect(8 + (i % 8) * 8));
    REUSE = reuse;
  }

  static List<ByteBuffer> REUSE;

  static long directBuffers() {
    for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (b.getName().equals("direct")) return b.getCount();
    }
    return 0;
  }

  @Test void dropoutGradientAfterACollection() throws Exception {
    NnTesting n = new NnTesting();
    n.eval("nn.seed(3)\nlet x = nn.param(randn(16, 64, seed: 2))\nlet y = nn.dropout(0.25, x)\nlet loss = y.sum()");
    freeUnreachableDirectBuffers();
    n.eval("loss.backward()");
    double[] y = n.values("y");
    double[] g = n.values("x.grad");
    float keep = (float) (1 / 0.75);
    int kept = 0;
    for (int i = 0; i < y.length; i++) {
      double want = y[i] != 0 ? keep : 0;
      if (y[i] != 0) kept++;
      assertEquals(want, g[i], 1e-6, "d(sum(dropout(x)))/dx at " + i);
    }
    assertTrue(kept > y.length / 2 && kept < y.length, "about 3/4 kept: " + kept);
  }

  @Test void tanhGeluGradientAfterACollection() throws Exception {
    NnTesting n = new NnTesting();
    n.eval("let x = nn.param(randn(200, seed: 4) * 2)\nlet loss = nn.gelu(x, approximate: \"tanh\").sum()");
    freeUnreachableDirectBuffers();
    n.eval("loss.backward()");
    double[] x = n.values("x");
    double[] g = n.values("x.grad");
    double c = Math.sqrt(2 / Math.PI);
    for (int i = 0; i < x.length; i++) {
      double u = c * (x[i] + 0.044715 * x[i] * x[i] * x[i]);
      double t = Math.tanh(u);
      double want = 0.5 * (1 + t) + 0.5 * x[i] * (1 - t * t) * c * (1 + 3 * 0.044715 * x[i] * x[i]);
      assertEquals(want, g[i], 1e-5, "GELU'(" + x[i] + ")");
    }
  }

  @Test void sliceOutlivesTheArrayItViews() throws Exception {
    NnTesting n = new NnTesting();
    n.eval("let v = nn.dtensor(tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]))[0:8]");
    // The converted array is garbage now; its wrapper's cleaner queues it and the next nn call
    // closes it. Then its memory may go.
    freeUnreachableDirectBuffers();
    n.eval("nn.seed(0)");
    freeUnreachableDirectBuffers();
    double[] v = n.values("v");
    for (int i = 0; i < 8; i++) assertEquals(i + 1, v[i], "v[" + i + "]");
  }

  @Test void attentionGradientAfterACollection() throws Exception {
    // Scores are divided by sqrt(d_head); the gradient reaches the input through that division.
    String forward = "nn.seed(5)\nlet att = nn.attention(8, 2)\nlet x = nn.param(randn(1, 4, 8, seed: 6))\n"
        + "let loss = (att(x) * att(x)).sum()";
    NnTesting direct = new NnTesting();
    direct.eval(forward + "\nloss.backward()");
    double[] want = direct.values("x.grad");
    NnTesting later = new NnTesting();
    later.eval(forward);
    freeUnreachableDirectBuffers();
    later.eval("loss.backward()");
    double[] got = later.values("x.grad");
    for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], "d loss/dx at " + i + " (same computation, backward right away)");
  }
}
