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
 * names in scope, module names after `import`/`from`, and members after '.' of a module, of a
 * value named by a (dotted) global, of a literal ("abc".up, [1].po), or of an expression whose
 * value an earlier entry showed (X.log().<Tab> after the entry X.log()). It never runs script
 * code: receivers are looked up, not evaluated ({@link NameLookup}).
 */
final class ReplCompleter implements Completer {
  private final NameLookup names;
  private final ReplCommands commands;
  private Completer files;  // made on first use: it is only for :load
  /** The last value each expression entry showed, by its text: the receivers of `expr().` completions. */
  private final java.util.Map<String, Object> evaluated = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override protected boolean removeEldestEntry(java.util.Map.Entry<String, Object> e) { return size() > 32; }
  };

  ReplCompleter(NameLookup names, ReplCommands commands) {
    this.names = names;
    this.commands = commands;
  }

  /** Remembers what an entry evaluated to, for completing members after that expression. */
  synchronized void evaluated(String code, Object value) {
    String key = code.strip();
    if (!key.contains("\n") && key.length() < 200) evaluated.put(key, value);
  }

  @Override public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
    if (!ReplCommands.isCommandPrefix(line.line())) {
      String word = prefix(line);
      int start = line.line().length() >= line.cursor() ? line.cursor() - line.wordCursor() : 0;
      String before = line.line().substring(0, Math.max(0, start));
      if (before.matches("\\s*(import|from)\\s+") && !word.contains(".")) {
        out.addAll(modules());
      } else if (word.startsWith(".")) {
        out.addAll(membersOfExpression(before, word));
      } else {
        out.addAll(code(word));
      }
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

  /** The modules there are to import. */
  private List<Candidate> modules() {
    List<Candidate> out = new ArrayList<>();
    for (String m : names.modules()) out.add(new Candidate(m, m, "modules", null, null, null, true));
    return out;
  }

  /**
   * Members after an expression that is not a name: a string, list or map literal, or an
   * expression an earlier entry evaluated (its last value's type). Nothing when unknown.
   */
  private List<Candidate> membersOfExpression(String before, String word) {
    List<Candidate> out = new ArrayList<>();
    String expr = before.stripTrailing();
    Object receiver = null;
    if (expr.endsWith("\"")) receiver = "";
    else if (expr.endsWith("]") && startsExpression(expr, '[', ']')) receiver = new dev.tangent.spi.TList();
    else if (expr.endsWith("}") && startsExpression(expr, '{', '}')) receiver = new dev.tangent.spi.TMap();
    else {
      synchronized (this) {
        for (java.util.Map.Entry<String, Object> e : evaluated.entrySet()) {
          if (expr.endsWith(e.getKey()) && boundary(expr, expr.length() - e.getKey().length())) receiver = e.getValue();
        }
      }
    }
    if (receiver == null) return out;
    String typed = word.substring(1);
    for (String member : Members.names(receiver)) {
      if (member.startsWith(typed)) out.add(new Candidate("." + member, member, "members", null, null, null, false));
    }
    return out;
  }

  /** True when the bracketed literal that ends {@code expr} is not an index (xs[0] is not a list). */
  private static boolean startsExpression(String expr, char open, char close) {
    int depth = 0;
    for (int i = expr.length() - 1; i >= 0; i--) {
      char c = expr.charAt(i);
      if (c == close) depth++;
      else if (c == open && --depth == 0) {
        String head = expr.substring(0, i).stripTrailing();
        return head.isEmpty() || !(Character.isLetterOrDigit(head.charAt(head.length() - 1))
            || head.endsWith("_") || head.endsWith(")") || head.endsWith("]"));
      }
    }
    return false;
  }

  private static boolean boundary(String s, int at) {
    return at <= 0 || !(Character.isLetterOrDigit(s.charAt(at - 1)) || s.charAt(at - 1) == '_' || s.charAt(at - 1) == '.');
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
