package dev.tangent.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real files that Debian packages ship, extracted by testdata/fetch-debian-data.sh (which .ci/run
 * calls) into testdata/debian/, and Fashion-MNIST from the dataset-fashion-mnist package.
 */
final class DebianData {
  private DebianData() {}

  static final Path ROOT = Path.of("../../testdata/debian").toAbsolutePath().normalize();
  static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  /** A fetched file; fails with the command to run when it is missing. */
  static Path file(String relative) {
    Path p = ROOT.resolve(relative);
    if (!Files.isRegularFile(p)) {
      fail("missing " + p + ": run testdata/fetch-debian-data.sh (apt-get download + dpkg -x of python3-nibabel and python3-skimage)");
    }
    return p;
  }

  static Path fashionMnist(String name) {
    Path p = FASHION_MNIST.resolve(name);
    if (!Files.isRegularFile(p)) fail("missing " + p + ": apt-get install -y dataset-fashion-mnist");
    return p;
  }
}
