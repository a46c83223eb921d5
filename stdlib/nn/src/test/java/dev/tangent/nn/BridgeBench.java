package dev.tangent.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.api.Tangent;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.nn.value.DTensor;
import dev.tangent.nn.value.TensorBridge;
import java.util.Arrays;

/**
 * Tensor <-> DTensor for a 256³ f32 volume (docs/benchmarks.md, "One tensor story"): DJL's own
 * create(float[]) / toFloatArray() against the bridge's bulk copies and its sharing. Medians of
 * RUNS (default 9). Run with bench/tensor/tensor_bridge.sh.
 */
public final class BridgeBench {
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    int side = 256;
    int n = side * side * side;
    Shape shape = new Shape(side, side, side);
    float[] data = new float[n];
    for (int i = 0; i < n; i++) data[i] = i * 1e-3f;
    Tensor heap = Tensor.ofFloats(new int[] {side, side, side}, data);
    Tangent t = Tangent.builder().importModule("nn").build();
    Tensor nd4j = (Tensor) t.evalRaw("ones(" + side + ", " + side + ", " + side + ", dtype: \"f32\", device: \"cpu\")");
    NDManager m = NDManager.newBaseManager();
    String[] names = {"djl create(float[])", "bridge copy (heap)", "bridge copy (nd4j)", "bridge share (nd4j)",
        "djl toFloatArray", "bridge copy out", "bridge share out", "copy into faulted mem"};
    double[][] ms = new double[names.length][runs];
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      NDArray a = m.create(data, shape);
      long t1 = System.nanoTime();
      DTensor b = TensorBridge.toDTensor(m, heap, DataType.FLOAT32, false);
      long t2 = System.nanoTime();
      DTensor c = TensorBridge.toDTensor(m, nd4j, DataType.FLOAT32, false);
      long t3 = System.nanoTime();
      DTensor d = TensorBridge.toDTensor(m, nd4j, DataType.FLOAT32, true);
      long t4 = System.nanoTime();
      float[] e = a.toFloatArray();
      long t5 = System.nanoTime();
      Tensor f = TensorBridge.toTensor(b, false);
      long t6 = System.nanoTime();
      Tensor g = TensorBridge.toTensor(b, true);
      long t7 = System.nanoTime();
      // the copy alone: into memory that is already faulted in (a's pages, touched above)
      ((ai.djl.pytorch.engine.PtNDArray) a).toByteBuffer(true).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer().put(data);
      long t8 = System.nanoTime();
      long[] ts = {t0, t1, t2, t3, t4, t5, t6, t7, t8};
      for (int k = 0; k < names.length; k++) ms[k][r] = (ts[k + 1] - ts[k]) / 1e6;
      if (e.length + f.size() + g.size() + c.nd().size() + d.nd().size() == 0) System.out.print("");
      a.close(); b.nd().close(); c.nd().close();
    }
    System.out.println("256^3 f32 (64 MiB), " + runs + " runs, median ms:");
    for (int k = 0; k < names.length; k++) {
      double[] s = ms[k].clone();
      Arrays.sort(s);
      System.out.printf("  %-22s %9.2f   (min %.2f, max %.2f)%n", names[k], s[runs / 2], s[0], s[runs - 1]);
    }
  }
}
