package dev.tangent.repl;

import dev.tangent.api.Interpreter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading script files, and the module each kind of script starts with. */
final class ScriptFiles {
  private ScriptFiles() {}

  /** A file that could not be read: the message is ready to show. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  static String read(Path file) throws Unreadable {
    try {
      if (Files.isDirectory(file)) throw new Unreadable("cannot read " + file + ": it is a directory");
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new Unreadable("cannot read " + file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new Unreadable("cannot read " + file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new Unreadable("cannot read " + file + ": " + dev.tangent.spi.IoErrors.describe(e));
    }
  }

  /** `.lie` scripts start with `lie` imported and `.drdm` scripts with `drdm`; others with none. */
  static String defaultModule(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.endsWith(".lie")) return "lie";
    if (name.endsWith(".drdm")) return "drdm";
    return null;
  }

  /** Imports the file's default module when it is on the class path (a no-op otherwise). */
  static void importDefaultModule(Interpreter interp, Path file) {
    String module = defaultModule(file);
    if (module != null && interp.modules().has(module)) interp.importModule(module);
  }
}
