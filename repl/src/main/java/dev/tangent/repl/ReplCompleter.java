package dev.tangent.repl;

import dev.tangent.spi.Callable;
import dev.tangent.exec.Members;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: `:` commands and their arguments (file names for :load), keywords and the
 * names in scope, and members after '.' of a module or of a value named by a (dotted) global.
 * It never runs script code: receivers are looked up, not evaluated ({@link NameLookup}).
 */
final class ReplCompleter implements Completer {
  private final NameLookup names;
  private final ReplCommands commands;
  private Completer files;  // made on first use: it is only for :load

  ReplCompleter(NameLookup names, ReplCommands commands) {
    this.names = names;
    this.commands = commands;
  }

  @Override public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
    if (!ReplCommands.isCommandPrefix(line.line())) {
      out.addAll(code(prefix(line)));
      return;
    }
    if (line.wordIndex() == 0) {
      for (ReplCommands.Command c : commands.all()) {
        out.add(new Candidate(":" + c.name(), ":" + c.name(), "commands", c.help(), null, null, true));
      }
      return;
    }
    ReplCommands.Command c = commands.lookup(line.words().get(0));
    if (c == null || line.wordIndex() > 1) return;
    switch (c.arg()) {
      case FILE:
        if (files == null) files = new Completers.FileNameCompleter();
        files.complete(reader, line, out);
        break;
      case TOPIC:
        for (ReplCommands.Command other : commands.all()) {
          out.add(new Candidate(other.name(), other.name(), "commands", other.help(), null, null, true));
        }
        out.addAll(code(prefix(line)));
        break;
      case NAME: case CODE:
        out.addAll(code(prefix(line)));
        break;
      default:
        break;
    }
  }

  /** The candidates for the entry {@code line} with the cursor at {@code cursor}. */
  List<Candidate> candidates(LineReader reader, String line, int cursor) {
    List<Candidate> out = new ArrayList<>();
    complete(reader, ReplWords.at(line, cursor), out);
    return out;
  }

  private static String prefix(ParsedLine line) {
    return line.word().substring(0, line.wordCursor());
  }

  /** Completions of a word of code: members after a dot, otherwise keywords and names in scope. */
  List<Candidate> code(String word) {
    List<Candidate> out = new ArrayList<>();
    int dot = word.lastIndexOf('.');
    if (dot >= 0) {
      String receiverPath = word.substring(0, dot);
      Object receiver = names.dotted(receiverPath);
      if (receiver == null) return out;
      for (String member : Members.names(receiver)) {
        out.add(new Candidate(receiverPath + "." + member, member, "members",
            describe(names.documented(receiverPath + "." + member)), null, null, false));
      }
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (String k : ReplHighlighter.keywords()) {
      if (seen.add(k)) out.add(new Candidate(k, k, "keywords", null, null, null, true));
    }
    for (String name : names.namesInScope()) {
      if (seen.add(name)) {
        Object v = names.top(name);
        out.add(new Candidate(name, name, group(name), describe(v), null, null, false));
      }
    }
    return out;
  }

  private String group(String name) {
    if (names.isGlobal(name)) return "variables";
    return names.isImported(name) ? "imported" : "built-ins";
  }

  /** A short description for the completion menu: a function's signature or a value's type. */
  private static String describe(Object v) {
    if (v == null) return null;
    if (v instanceof Callable c && !(v instanceof TypeLike)) {
      return c.signature().replace("(self, ", "(").replace("(self)", "()");
    }
    return Types.typeName(v);
  }
}
