package dev.tangent.repl;

import dev.tangent.api.Interpreter;
import dev.tangent.spi.Modules;
import dev.tangent.spi.TangentError;
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

  /**
   * The module a script starts with imported: the one that declares the file's extension (`.lie`:
   * lie, `.drdm`: drdm), none for a file without one. An extension no module declares is an error.
   */
  static String defaultModule(Path file) throws Unreadable {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    try {
      return Modules.get().moduleForScript(name);
    } catch (TangentError e) {
      throw new Unreadable(e.getMessage() + (e.hint() == null ? "" : " (" + e.hint() + ")"));
    }
  }
}
