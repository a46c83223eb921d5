package dev.tangent.testing;

import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.Display;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Permissions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the code blocks of a Markdown document (a doctest):
 * <ul>
 *   <li>```tangent: a script; each `# -> text` comment is the next line print writes.</li>
 *   <li>```tangent-error: a script that must fail; the ```text block after it is the exact error.</li>
 *   <li>```repl: lines `> code` (continued by `. code`) are entries; other lines are the echo.</li>
 * </ul>
 * Other blocks (sh, java, text) are documentation only.
 */
public final class DocRunner {
  private DocRunner() {}

  public record Block(String kind, String code, int line, String expectedError) {}

  /** The runnable blocks of a Markdown file, with the line each starts on. */
  public static List<Block> blocks(Path markdown) throws IOException {
    List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (!l.startsWith("```") || l.length() == 3) continue;
      String kind = l.substring(3).trim();
      int start = i + 1;
      StringBuilder code = new StringBuilder();
      i++;
      while (i < lines.size() && !lines.get(i).strip().equals("```")) code.append(lines.get(i++)).append('\n');
      if (!kind.equals("tangent") && !kind.equals("tangent-error") && !kind.equals("repl")) continue;
      String expectedError = null;
      if (kind.equals("tangent-error")) {
        int j = i + 1;
        while (j < lines.size() && lines.get(j).isBlank()) j++;
        if (j >= lines.size() || !lines.get(j).strip().equals("```text")) {
          throw new IllegalStateException(markdown + ":" + start + ": a tangent-error block must be followed by a ```text block");
        }
        StringBuilder err = new StringBuilder();
        j++;
        while (j < lines.size() && !lines.get(j).strip().equals("```")) err.append(lines.get(j++)).append('\n');
        expectedError = err.toString().stripTrailing();
        i = j;
      }
      out.add(new Block(kind, code.toString(), start, expectedError));
    }
    return out;
  }

  /** Checks one block; returns a description of the mismatch, or null when it holds. */
  public static String check(Block b) {
    switch (b.kind()) {
      case "tangent": return checkScript(b);
      case "tangent-error": return checkError(b);
      default: return checkRepl(b);
    }
  }

  static Interpreter interpreter(StringWriter out) {
    return new Interpreter(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Permissions.all());
  }

  private static String checkScript(Block b) {
    List<String> expected = new ArrayList<>();
    for (String line : b.code().split("\n")) {
      int k = line.indexOf("# -> ");
      if (k >= 0) expected.add(line.substring(k + 5));
      else if (line.strip().equals("# ->")) expected.add("");
    }
    StringWriter out = new StringWriter();
    Interpreter in = interpreter(out);
    try {
      in.run(in.compile(new SourceFile("<doc>", b.code()), false, false));
    } catch (TangentException e) {
      return "block at line " + b.line() + " failed:\n" + e.format() + "\noutput so far:\n" + out;
    }
    String got = out.toString().stripTrailing();
    String want = String.join("\n", expected).stripTrailing();
    if (!got.equals(want)) return "block at line " + b.line() + ": expected output\n" + want + "\nbut got\n" + got;
    return null;
  }

  private static String checkError(Block b) {
    StringWriter out = new StringWriter();
    Interpreter in = interpreter(out);
    try {
      in.run(in.compile(new SourceFile("<doc>", b.code()), false, false));
    } catch (TangentException e) {
      String got = e.format().stripTrailing();
      if (!got.equals(b.expectedError())) {
        return "block at line " + b.line() + ": expected error\n" + b.expectedError() + "\nbut got\n" + got;
      }
      return null;
    }
    return "block at line " + b.line() + ": expected an error, but it ran";
  }

  /** Mirrors the REPL: each entry runs in REPL mode; a non-nil value echoes as repr and becomes _. */
  private static String checkRepl(Block b) {
    StringWriter out = new StringWriter();
    Interpreter in = interpreter(out);
    StringBuilder transcript = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    String[] lines = b.code().split("\n");
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (!line.startsWith("> ")) {
        expected.append(line).append('\n');
        i++;
        continue;
      }
      StringBuilder entry = new StringBuilder(line.substring(2));
      expected.append(line).append('\n');
      i++;
      while (i < lines.length && (lines[i].startsWith(". ") || lines[i].equals("."))) {
        expected.append(lines[i]).append('\n');
        entry.append('\n').append(lines[i].length() > 2 ? lines[i].substring(2) : "");
        i++;
      }
      transcript.append("> ").append(entry.toString().replace("\n", "\n. ")).append('\n');
      try {
        Object v = in.eval(new SourceFile("<repl>", entry.toString()), true);
        transcript.append(out);
        out.getBuffer().setLength(0);
        if (v != Nil.NIL) {
          transcript.append(Display.repr(v)).append('\n');
          in.setGlobal("_", v);
        }
      } catch (TangentException e) {
        transcript.append(out);
        out.getBuffer().setLength(0);
        transcript.append(e.format()).append('\n');
      }
    }
    String want = expected.toString().replaceAll("(?m)^\\.\\s*$", ".").stripTrailing();
    String got = transcript.toString().replaceAll("(?m)^\\. $", ".").stripTrailing();
    if (!got.equals(want)) return "repl block at line " + b.line() + ": expected\n" + want + "\nbut got\n" + got;
    return null;
  }
}
