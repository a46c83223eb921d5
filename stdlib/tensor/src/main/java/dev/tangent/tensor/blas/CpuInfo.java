package dev.tangent.tensor.blas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the processor is and can do, as Linux reports it in /proc/cpuinfo (the kernel lists a
 * feature only when the operating system also saves its registers, so AVX-512 is listed only
 * where it is usable). Elsewhere {@link #UNKNOWN}: no vendor, no features.
 */
public record CpuInfo(String vendor, int family, int model, String modelName, Set<String> flags) {
  public static final CpuInfo UNKNOWN = new CpuInfo("", -1, -1, "", Set.of());

  public boolean has(String... features) {
    for (String f : features) if (!flags.contains(f)) return false;
    return true;
  }

  public boolean isX86() {
    return vendor.equals("GenuineIntel") || vendor.equals("AuthenticAMD") || vendor.equals("HygonGenuine")
        || flags.contains("sse2");
  }

  public boolean isAmd() {
    return vendor.equals("AuthenticAMD") || vendor.equals("HygonGenuine");
  }

  /** The first processor's entry of a /proc/cpuinfo text (all cores of a machine are alike). */
  public static CpuInfo parse(String cpuinfo) {
    String vendor = "";
    String name = "";
    int family = -1;
    int model = -1;
    Set<String> flags = new TreeSet<>();
    for (String line : cpuinfo.split("\n", -1)) {
      if (line.isBlank()) {
        if (!vendor.isEmpty() || !flags.isEmpty()) break;
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) continue;
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "vendor_id": vendor = value; break;
        case "model name": name = value; break;
        case "cpu family": family = parseInt(value); break;
        case "model": model = parseInt(value); break;
        case "flags": flags.addAll(Arrays.asList(value.split("\\s+"))); break;
        default: break;
      }
    }
    flags.remove("");
    return new CpuInfo(vendor, family, model, name, Set.copyOf(flags));
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static volatile CpuInfo current;

  /** This machine's processor (read once). */
  public static CpuInfo current() {
    CpuInfo c = current;
    if (c == null) {
      try {
        c = parse(Files.readString(Path.of("/proc/cpuinfo")));
      } catch (IOException | RuntimeException e) {
        c = UNKNOWN;
      }
      current = c;
    }
    return c;
  }
}
