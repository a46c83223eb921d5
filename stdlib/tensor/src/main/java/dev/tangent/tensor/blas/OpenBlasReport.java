package dev.tangent.tensor.blas;

import com.sun.jna.Function;
import java.util.Map;

/**
 * What the loaded OpenBLAS says about itself: its build (version, threading) and the kernel set it
 * runs. The bytedeco bindings do not map openblas_get_corename and its friends, so they are
 * called through JNA in the very library JavaCPP loaded.
 */
public record OpenBlasReport(String config, String core, int threads, String threading) {

  /** The report of the OpenBLAS that ND4J and our gemm/LAPACK calls use, or null when not loaded. */
  public static OpenBlasReport ofLoaded() {
    Map<String, String> libs;
    try {
      libs = org.bytedeco.javacpp.Loader.getLoadedLibraries();
    } catch (Throwable e) {
      return null;
    }
    String path = libs.get("openblas@.0");
    if (path == null) path = libs.get("openblas_nolapack@.0");
    if (path == null) return null;
    Function core = Libc.loadedFunction(path, "openblas_get_corename");
    Function config = Libc.loadedFunction(path, "openblas_get_config");
    Function threads = Libc.loadedFunction(path, "openblas_get_num_threads");
    Function parallel = Libc.loadedFunction(path, "openblas_get_parallel");
    if (core == null || config == null) return null;
    int p = parallel == null ? -1 : parallel.invokeInt(new Object[0]);
    return new OpenBlasReport(config.invokeString(new Object[0], false).trim(), core.invokeString(new Object[0], false).trim(),
        threads == null ? -1 : threads.invokeInt(new Object[0]),
        p == 0 ? "sequential" : p == 1 ? "pthreads" : p == 2 ? "OpenMP" : "unknown threading");
  }

  /** "OpenBLAS 0.3.31" from the config string "OpenBLAS 0.3.31 DYNAMIC_ARCH ...". */
  public String version() {
    String[] w = config.split("\\s+");
    return w.length >= 2 && w[0].equals("OpenBLAS") ? w[0] + " " + w[1] : config;
  }
}
