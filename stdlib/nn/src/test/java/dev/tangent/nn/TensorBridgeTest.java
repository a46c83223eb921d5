package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.tangent.core.tensor.BufferStorage;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.nn.value.DTensor;
import dev.tangent.nn.value.TensorBridge;
import org.junit.jupiter.api.Test;

/** The one conversion between Tensor and DTensor: bulk copies both ways, and shared memory. */
class TensorBridgeTest {
  final NnTesting n = new NnTesting();

  @Test void copiesKeepEveryElementTypeAndShape() {
    NDManager m = NDManager.newBaseManager();
    float[] f = {1.5f, -2, 3, 4, 5, 6};
    Tensor tf = Tensor.ofFloats(new int[] {2, 3}, f);
    DTensor d = TensorBridge.toDTensor(m, tf, DataType.FLOAT32, false);
    assertEquals(DataType.FLOAT32, d.nd().getDataType());
    assertArrayEquals(f, d.nd().toFloatArray());
    Tensor back = TensorBridge.toTensor(d, false);
    assertArrayEquals(new int[] {2, 3}, back.shape());
    assertArrayEquals(f, back.toFloatArray());
    double[] x = {0.1, 0.2, Math.PI};
    assertArrayEquals(x, TensorBridge.toTensor(TensorBridge.toDTensor(m, Tensor.ofDoubles(new int[] {3}, x), DataType.FLOAT64, false), false).toDoubleArray());
    long[] l = {1, -7, 1L << 40};
    assertArrayEquals(l, TensorBridge.toTensor(TensorBridge.toDTensor(m, Tensor.ofLongs(new int[] {3}, l), DataType.FLOAT32, false), false).toLongArray());
    // f64 elements converted to f32 on the way in
    assertArrayEquals(new float[] {0.1f, 0.2f, (float) Math.PI}, TensorBridge.toNd(m, Tensor.ofDoubles(new int[] {3}, x), DataType.FLOAT32).toFloatArray());
    // an empty tensor
    assertEquals(0, TensorBridge.toTensor(TensorBridge.toDTensor(m, Tensor.ofFloats(new int[] {0, 4}, new float[0]), DataType.FLOAT32, false), false).size());
    // a copy does not share: writing the DTensor leaves the Tensor alone
    d.nd().set(new NDIndex("0, 0"), 100f);
    assertEquals(1.5f, back.toFloatArray()[0]);
  }

  @Test void aSharedTensorSeesWritesThroughTheNetworkArrayAndKeepsItAlive() {
    NDManager m = NDManager.newBaseManager();
    DTensor d = new DTensor(m.arange(12f).reshape(3, 4));
    Tensor view = TensorBridge.toTensor(d, true);
    assertTrue(view.storage() instanceof BufferStorage, "a view, not a copy");
    assertEquals(5.0, view.toDoubleArray()[5]);
    d.nd().set(new NDIndex("1, 1"), -1f);
    assertEquals(-1.0, view.toDoubleArray()[5], "the Tensor views the same memory");
    view.storage().setDouble(0, 42);
    assertEquals(42f, d.nd().getFloat(0, 0), "and writes through it");
    // The view holds the DTensor: dropping every other reference keeps the memory valid.
    d = null;
    for (int i = 0; i < 3; i++) { System.gc(); dev.tangent.nn.engine.Memory.drain(); }
    float[] after = view.toFloatArray();
    assertEquals(42f, after[0]);
    assertEquals(11f, after[11]);
    // a copy of the view owns its elements
    Tensor copy = Tensor.of(view.shape(), view.storage().copy());
    assertNotSame(view.storage(), copy.storage());
  }

  @Test void aLargeNd4jTensorIsSharedWithTheNetworkWhenAsked() {
    // 100,000 elements: the ND4J back-end holds them (native memory)
    Object v = n.t.evalRaw("ones(100000, dtype: \"f32\", device: \"cpu\") * 2");
    Tensor t = (Tensor) v;
    assertEquals("cpu", t.device());
    assertTrue(t.storage().nativeBuffer() != null);
    NDManager m = NDManager.newBaseManager();
    DTensor shared = TensorBridge.toDTensor(m, t, DataType.FLOAT32, true);
    shared.nd().set(new NDIndex("7"), 5f);
    assertEquals(5.0, t.storage().getDouble(7), "same memory");
    // asked for another element type: a copy
    DTensor f64 = TensorBridge.toDTensor(m, t, DataType.FLOAT64, true);
    f64.nd().set(new NDIndex("8"), 9.0);
    assertEquals(2.0, t.storage().getDouble(8));
    // from a script
    assertEquals(3.0, n.num("let big = ones(100000, dtype: \"f32\", device: \"cpu\")\n"
        + "let d = dtensor(big, share: true)\nbig[3] = 3\nd[3].item()"));
    assertEquals(1.0, n.num("let big2 = ones(100000, dtype: \"f32\", device: \"cpu\")\n"
        + "let d2 = dtensor(big2)\nbig2[3] = 3\nd2[3].item()"), "without share: a copy");
    assertEquals(7.0, n.num("let q = dtensor([1, 2, 3])\nlet tq = q.tensor(share: true)\ntq[0] = 7\nq[0].item()"));
    assertEquals(1.0, n.num("let r = dtensor([1, 2, 3])\nlet tr = r.tensor()\ntr[0] = 7\nr[0].item()"));
  }
}
