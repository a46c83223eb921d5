package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.engine.Owned;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No nn class makes an engine array over borrowed Java memory (see engine.Owned): no DJL call
 * that takes a Java number (x.div(2.0), x.clip(0, 1), ...: DJL turns the number into a scalar
 * array over a direct buffer and closes it right after) and no NDManager.create from Java values.
 * Those arrays are freed while libtorch may still hold them (autograd, views), which
 * NativeMemoryLifetimeTest shows for the cases it runs; this test keeps new call sites out.
 * engine.Owned (its GPU branch: DJL copies to the device) and TensorBridge (shared memory, by
 * request, kept alive by the DTensor) are the exceptions.
 */
class BorrowedMemoryCallsTest {
  static final Set<String> ALLOWED = Set.of("dev/tangent/nn/engine/Owned", "dev/tangent/nn/value/TensorBridge");

  @Test void nnMakesNoEngineArrayOverJavaMemory() throws Exception {
    BorrowedMemoryScan.Result r = BorrowedMemoryScan.scan(Owned.class, "dev/tangent/nn", ALLOWED);
    assertTrue(r.scanned() > 50, "scanned " + r.scanned() + " classes in " + r.where());
    assertTrue(r.calls().isEmpty(), "engine arrays over borrowed Java memory (use engine.Owned / engine.Scalars):\n  "
        + String.join("\n  ", r.calls()));
  }
}
