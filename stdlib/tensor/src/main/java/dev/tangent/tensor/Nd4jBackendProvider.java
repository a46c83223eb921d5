package dev.tangent.tensor;

import dev.tangent.core.tensor.DType;
import dev.tangent.core.tensor.LinAlgKernels;
import dev.tangent.core.tensor.Storage;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.core.tensor.TensorBackend;
import dev.tangent.spi.TangentError;
import dev.tangent.tensor.blas.BlasSetup;

/**
 * The ND4J back-end as the core finds it (ServiceLoader). This class touches no ND4J or
 * OpenBLAS class: ND4J starts (about 3 s) the first time a method below allocates, and OpenBLAS's
 * LAPACK loads the first time a large decomposition runs.
 */
public final class Nd4jBackendProvider implements TensorBackend {
  @Override public String device() { return "cpu"; }

  private static volatile boolean started;

  @Override public Storage allocate(DType dtype, int size) {
    try {
      if (!started) return starting(() -> NdStorage.zeros(dtype, size));
      return NdStorage.zeros(dtype, size);
    } catch (LinkageError e) {
      throw startFailed(e);
    }
  }

  @Override public Storage allocateUninitialized(DType dtype, int size) {
    try {
      if (!started) return starting(() -> NdStorage.uninitialized(dtype, size));
      return NdStorage.uninitialized(dtype, size);
    } catch (LinkageError e) {
      throw startFailed(e);
    }
  }

  /** The first allocation starts ND4J; on a first run it also unpacks the natives (said so). */
  private static synchronized Storage starting(java.util.function.Supplier<Storage> first) {
    if (started) return first.get();
    QuietSlf4j.beforeLoad();
    BlasSetup.beforeLoad();
    try (AutoCloseable note = dev.tangent.spi.NativeLibraries.firstUnpack("ND4J and OpenBLAS",
        dev.tangent.spi.NativeLibraries.javacppCache(), "400 MB")) {
      Storage s = first.get();
      started = true;
      return s;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** ND4J's natives did not load (another platform, a broken class path): say so, without a trace. */
  private static TangentError startFailed(Throwable e) {
    return TangentError.runtime("the ND4J tensor back-end failed to start (" + e + "); "
        + "use device: \"java\" or run without tangent-tensor on the class path");
  }

  @Override public Tensor matmul(Tensor a, Tensor b, int[] outShape, DType dtype) {
    QuietSlf4j.beforeLoad();
    BlasSetup.beforeLoad();
    return Blas.matmul(a, b, outShape, dtype);
  }

  @Override public LinAlgKernels linalg() {
    QuietSlf4j.beforeLoad();
    BlasSetup.beforeLoad(); // LAPACK may run on Java arrays before any ND4J storage exists
    return LapackKernels.INSTANCE;
  }

  @Override public String describe(boolean start) {
    if (start && !started) allocate(DType.F32, 1);
    return BackendReport.describe(started);
  }
}
