package dev.tangent.spi;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in words: every built-in that touches files reports its
 * IOException through here, so no message names a Java exception class or a temporary file.
 */
public final class IoErrors {
  private IoErrors() {}

  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file or folder";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileAlreadyExistsException) return "already exists";
    if (e instanceof NotDirectoryException) return "not a folder";
    if (e instanceof DirectoryNotEmptyException) return "the folder is not empty";
    if (e instanceof FileSystemLoopException) return "symbolic links form a loop";
    if (e instanceof EOFException) return "the file ends early (truncated?)";
    if (e instanceof java.nio.charset.CharacterCodingException) return "not valid UTF-8 text";
    String m = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    if (m == null || m.isBlank()) return "input/output error";
    String lower = m.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("no space left")) return "no space left on the device";
    if (lower.contains("is a directory")) return "is a folder, not a file";
    if (lower.contains("read-only file system")) return "the file system is read-only";
    if (lower.contains("too many levels of symbolic links")) return "symbolic links form a loop";
    if (lower.contains("permission denied")) return "permission denied";
    if (lower.contains("not a directory")) return "not a folder";
    if (lower.contains("broken pipe")) return "the output was closed (broken pipe)";
    return Printable.of(m, 200);
  }
}
