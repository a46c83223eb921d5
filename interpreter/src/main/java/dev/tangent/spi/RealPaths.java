package dev.tangent.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The file a path really names once every symbolic link is followed, also for a file that does
 * not exist yet (the real folder plus its name) and for a link whose target does not exist yet
 * (where writing through it would create that target). Permission checks and atomic writes
 * both use it, so what is checked is what is opened, and a write through a link replaces the
 * link's target instead of the link.
 */
public final class RealPaths {
  private RealPaths() {}

  private static final int MAX_LINKS = 40;

  public static Path resolve(Path p) throws IOException {
    return resolve(p.toAbsolutePath(), 0);
  }

  private static Path resolve(Path abs, int hops) throws IOException {
    if (hops > MAX_LINKS) throw new java.nio.file.FileSystemLoopException(abs.toString());
    try {
      return abs.toRealPath();
    } catch (NoSuchFileException e) {
      // Not there (yet): a dangling link leads to its target; anything else to its real folder.
      if (Files.isSymbolicLink(abs)) {
        Path target = Files.readSymbolicLink(abs);
        Path parent = abs.getParent();
        return resolve(parent == null ? target.toAbsolutePath() : parent.resolve(target), hops + 1);
      }
      Path parent = abs.getParent();
      Path name = abs.getFileName();
      if (parent == null || name == null) return abs.normalize();
      Path realParent = resolve(parent, hops);
      String n = name.toString();
      if (n.equals("..")) return realParent.getParent() == null ? realParent : realParent.getParent();
      if (n.equals(".")) return realParent;
      return realParent.resolve(name);
    }
  }

  /** True when {@code p} itself is a symbolic link (not followed). */
  public static boolean isLink(Path p) {
    return Files.isSymbolicLink(p) && Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }
}
