package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No lib class makes an engine array over borrowed Java memory (see nn's engine.Owned and
 * docs/nn.md): no DJL call that takes a Java number (x.div(2.0), x.clip(0, 1), ...: DJL turns the
 * number into a scalar array over a direct buffer and closes it right after) and no
 * NDManager.create from Java values; build them with nn's engine.Owned and engine.Scalars. Those
 * arrays are freed while libtorch may still hold them (autograd, views); this test keeps such call
 * sites out.
 */
class BorrowedMemoryCallsTest {
  @Test void libMakesNoEngineArrayOverJavaMemory() throws Exception {
    BorrowedMemoryScan.Result r = BorrowedMemoryScan.scan(dev.tangent.lib.torch.AutogradSection.class, "dev/tangent/lib", Set.of());
    assertTrue(r.scanned() > 20, "scanned " + r.scanned() + " classes in " + r.where());
    assertTrue(r.calls().isEmpty(), "engine arrays over borrowed Java memory (use nn's engine.Owned / engine.Scalars):\n  "
        + String.join("\n  ", r.calls()));
  }
}
