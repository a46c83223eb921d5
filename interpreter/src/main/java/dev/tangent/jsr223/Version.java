package dev.tangent.jsr223;

import java.io.InputStream;
import java.util.Properties;

/** The project version, filtered into a resource by Maven. */
public final class Version {
  private Version() {}

  public static String get() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/tangent/version.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "dev");
    } catch (java.io.IOException e) {
      return "dev";
    }
  }
}
