package dev.tangent.repl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REPL's `:` commands: one table of name, argument, help and handler, as in jshell. Any
 * unique prefix abbreviates a name; an ambiguous prefix is an error that lists the candidates.
 */
final class ReplCommands {
  /** What a command's argument is: it decides how the argument completes. */
  enum Arg { NONE, TOPIC, NAME, CODE, FILE }

  /** Runs a command; returns false when the REPL should end. */
  interface Handler {
    boolean run(String argument) throws Exception;
  }

  record Command(String name, Arg arg, String argLabel, String help, Handler handler) {
    String usage() {
      return ":" + name + (argLabel.isEmpty() ? "" : " " + argLabel);
    }
  }

  /** A command line that names no command, or more than one. */
  static final class CommandError extends Exception {
    CommandError(String message) {
      super(message, null, false, false);
    }
  }

  private final Map<String, Command> table = new LinkedHashMap<>();

  void add(String name, Arg arg, String argLabel, String help, Handler handler) {
    table.put(name, new Command(name, arg, argLabel, help, handler));
  }

  Collection<Command> all() {
    return table.values();
  }

  /** An entry is a command when it starts with ':' and a letter, so code never looks like one. */
  static boolean isCommand(String line) {
    String t = line.stripLeading();
    return t.length() > 1 && t.charAt(0) == ':' && Character.isLetter(t.charAt(1));
  }

  /** A command being typed: ':' alone or followed by a letter (for completion). */
  static boolean isCommandPrefix(String line) {
    String t = line.stripLeading();
    return t.equals(":") || isCommand(t);
  }

  /** The command a name or unique prefix stands for (with or without the ':'). */
  Command find(String word) throws CommandError {
    String name = word.startsWith(":") ? word.substring(1) : word;
    Command exact = table.get(name);
    if (exact != null) return exact;
    List<Command> matches = new ArrayList<>();
    for (Command c : table.values()) if (c.name.startsWith(name)) matches.add(c);
    if (matches.size() == 1) return matches.get(0);
    if (matches.isEmpty()) throw new CommandError("unknown command ':" + name + "' (:help lists the commands)");
    StringBuilder sb = new StringBuilder("ambiguous command ':" + name + "': it could be ");
    for (int i = 0; i < matches.size(); i++) {
      if (i > 0) sb.append(i == matches.size() - 1 ? " or " : ", ");
      sb.append(':').append(matches.get(i).name);
    }
    throw new CommandError(sb.toString());
  }

  /** Like {@link #find}, but null instead of an error (for completion). */
  Command lookup(String word) {
    try {
      return find(word);
    } catch (CommandError e) {
      return null;
    }
  }
}
