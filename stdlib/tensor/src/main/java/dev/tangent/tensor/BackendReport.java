package dev.tangent.tensor;

import dev.tangent.tensor.blas.BlasSetup;
import dev.tangent.tensor.blas.OpenBlasReport;
import java.io.InputStream;
import java.util.Properties;

/** The text tensor_info() shows for this back-end: ND4J, its OpenBLAS and the kernel set, and why. */
final class BackendReport {
  private BackendReport() {}

  static String describe(boolean started) {
    StringBuilder sb = new StringBuilder("ND4J ").append(version("org.nd4j", "nd4j-api"));
    if (!started) {
      BlasSetup.Decision d = BlasSetup.preview();
      sb.append(", not started (it starts with the first large tensor or device: \"cpu\"); OpenBLAS ")
          .append(version("org.bytedeco", "openblas")).append(" will run ")
          .append(d.core() == null ? "the kernels it detects" : d.core() + " kernels").append(" (").append(d.reason()).append(')');
      return sb.toString();
    }
    OpenBlasReport r = OpenBlasReport.ofLoaded();
    BlasSetup.Decision d = BlasSetup.current();
    if (r == null) return sb.append(" on OpenBLAS ").append(version("org.bytedeco", "openblas")).append(" (not loaded yet)").toString();
    sb.append(" on ").append(r.version()).append(" (").append(r.threading()).append(", ").append(r.threads())
        .append(r.threads() == 1 ? " thread" : " threads").append("): ").append(r.core()).append(" kernels");
    if (d != null && d.core() != null && !d.core().equalsIgnoreCase(r.core())) {
      sb.append(" (").append(d.core()).append(" was asked for: ").append(d.reason())
          .append("; OpenBLAS had loaded before, or does not know that name)");
    } else if (d != null) {
      sb.append(" (").append(d.core() == null ? d.reason() : d.reason()).append(')');
    }
    return sb.toString();
  }

  /** A library's version from its Maven metadata, read as a resource (no class of it loads). */
  private static String version(String group, String artifact) {
    String res = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = BackendReport.class.getResourceAsStream(res)) {
      if (in == null) return "";
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "");
      // bytedeco versions are "<library>-<javacpp>": 0.3.31-1.5.13
      return artifact.equals("openblas") && v.contains("-") ? v.substring(0, v.indexOf('-')) : v;
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
