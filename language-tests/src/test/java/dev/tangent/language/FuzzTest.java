package dev.tangent.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.TangentError;
import dev.tangent.jit.JitCompiler;
import dev.tangent.spi.Permissions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Feeds 100,000 random and mutated programs through parse, check and run (with a step limit).
 * The only acceptable failures are language errors with a position; an internal error or a
 * Java exception fails the test and prints the program. Generated programs also run on both
 * execution tiers, which must agree.
 */
class FuzzTest {
  static final int PROGRAMS = Integer.getInteger("tangent.fuzz.programs", 100_000);
  static final Pattern FIRST_LINE = Pattern.compile("^<fuzz>:\\d+:\\d+: error: .+");

  /** Output capped so a runaway print loop cannot exhaust memory. */
  static final class CappedWriter extends Writer {
    final StringBuilder sb = new StringBuilder();

    @Override public void write(char[] c, int off, int len) {
      if (sb.length() < 20_000) sb.append(c, off, Math.min(len, 20_000 - sb.length()));
    }

    @Override public void flush() {}
    @Override public void close() {}
  }

  record Outcome(String output, String error, boolean stepLimit) {}

  static Outcome run(String program, boolean check) {
    CappedWriter out = new CappedWriter();
    Interpreter in = new Interpreter(new PrintWriter(out), new PrintWriter(new StringWriter()), Permissions.none());
    in.context().setStepLimit(20_000);
    in.context().maxDepth = 200;
    String error = null;
    boolean limit = false;
    try {
      if (check) in.check(new SourceFile("<fuzz>", program));
      in.run(in.compile(new SourceFile("<fuzz>", program), false, false));
    } catch (TangentException e) {
      for (TangentError err : e.errors()) {
        if (err.kind() == TangentError.Kind.INTERNAL) fail("internal error:\n" + e.format() + "\nin program:\n" + program, err.getCause());
        if (err.span() == null) fail("error without a position: " + err.getMessage() + "\nin program:\n" + program);
        String first = err.format().split("\n")[0];
        if (!FIRST_LINE.matcher(first).matches()) fail("badly formatted error: " + first + "\nin program:\n" + program);
      }
      error = e.format();
      limit = error.contains("step limit") || error.contains("stack overflow");
    } catch (Throwable t) {
      fail("Java exception " + t + "\nin program:\n" + program, t);
    }
    return new Outcome(out.sb.toString(), error, limit);
  }

  static String mutate(String program, Random rnd) {
    StringBuilder sb = new StringBuilder(program);
    int edits = 1 + rnd.nextInt(4);
    String alphabet = "(){}[],.;:=+-*/\"'$#\n@^<>!0x_ a1";
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int pos = rnd.nextInt(sb.length());
      switch (rnd.nextInt(4)) {
        case 0: sb.deleteCharAt(pos); break;
        case 1: sb.insert(pos, alphabet.charAt(rnd.nextInt(alphabet.length()))); break;
        case 2: {
          int len = Math.min(sb.length() - pos, 1 + rnd.nextInt(12));
          sb.insert(rnd.nextInt(sb.length()), sb.substring(pos, pos + len));
          break;
        }
        default: {
          int len = Math.min(sb.length() - pos, 1 + rnd.nextInt(8));
          sb.delete(pos, pos + len);
        }
      }
    }
    return sb.toString();
  }

  @Test
  void randomAndMutatedProgramsFailOnlyWithPositionedLanguageErrors() {
    boolean savedDisabled = JitCompiler.disabled;
    int savedThreshold = JitCompiler.threshold;
    Random rnd = new Random(20261126);
    int generated = 0;
    int mutated = 0;
    int compared = 0;
    try {
      for (int i = 0; i < PROGRAMS; i++) {
        String program = new ProgramGenerator(rnd.nextLong()).program();
        if (i % 2 == 0) {
          generated++;
          if (i % 10 == 0) {
            JitCompiler.disabled = true;
            Outcome nodes = run(program, true);
            JitCompiler.disabled = false;
            JitCompiler.threshold = 1;
            Outcome bytecode = run(program, false);
            if (!nodes.stepLimit() && !bytecode.stepLimit()) {
              compared++;
              assertEquals(nodes.output(), bytecode.output(), "tiers disagree on output for:\n" + program);
              assertEquals(nodes.error(), bytecode.error(), "tiers disagree on the error for:\n" + program);
            }
            JitCompiler.threshold = savedThreshold;
          } else {
            run(program, false);
          }
        } else {
          mutated++;
          run(mutate(program, rnd), i % 3 == 0);
        }
      }
    } finally {
      JitCompiler.disabled = savedDisabled;
      JitCompiler.threshold = savedThreshold;
    }
    System.out.println("fuzz: " + generated + " generated, " + mutated + " mutated, " + compared + " compared across tiers");
  }
}
