package dev.tangent.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random Tangent programs for the fuzz test: mostly well-formed (declarations before use,
 * bounded loops), using every construct, so they reach deep into the interpreter rather than
 * stopping at the parser. Runtime errors (type mismatches, bad indices) are expected and fine.
 */
final class ProgramGenerator {
  private final Random rnd;
  private final StringBuilder sb = new StringBuilder();
  private final List<List<String>> scopes = new ArrayList<>();
  private final List<String[]> functions = new ArrayList<>();   // name, arity
  private int indent;
  private int loopDepth;
  private int fnDepth;
  private int counter;

  ProgramGenerator(long seed) {
    this.rnd = new Random(seed);
  }

  String program() {
    scopes.add(new ArrayList<>());
    int n = 2 + rnd.nextInt(6);
    for (int i = 0; i < n; i++) statement(0);
    return sb.toString();
  }

  private String fresh(String prefix) {
    return prefix + (counter++);
  }

  private void line(String s) {
    sb.append("  ".repeat(indent)).append(s).append('\n');
  }

  private List<String> visible() {
    List<String> out = new ArrayList<>();
    for (List<String> s : scopes) out.addAll(s);
    return out;
  }

  private void declare(String name) {
    scopes.get(scopes.size() - 1).add(name);
  }

  private void block(int depth, Runnable body) {
    sb.setLength(sb.length() - 1);
    sb.append(" {\n");
    indent++;
    scopes.add(new ArrayList<>());
    body.run();
    int n = 1 + rnd.nextInt(2);
    for (int i = 0; i < n; i++) statement(depth + 1);
    scopes.remove(scopes.size() - 1);
    indent--;
    line("}");
  }

  private void statement(int depth) {
    int k = rnd.nextInt(depth > 2 ? 6 : 13);
    switch (k) {
      case 0: case 1: {
        String name = fresh(rnd.nextBoolean() ? "v" : "w");
        line((rnd.nextBoolean() ? "var " : "let ") + name + " = " + expr(2));
        declare(name);
        break;
      }
      case 2: {
        List<String> vs = visible();
        if (vs.isEmpty()) {
          line("print(" + expr(2) + ")");
        } else {
          String v = vs.get(rnd.nextInt(vs.size()));
          line(v + " " + pick("=", "+=", "-=", "*=") + " " + expr(2));
        }
        break;
      }
      case 3: case 4:
        line("print(" + expr(2) + ")");
        break;
      case 5:
        if (loopDepth > 0 && rnd.nextInt(3) == 0) line(rnd.nextBoolean() ? "break" : "continue");
        else if (fnDepth > 0 && rnd.nextInt(3) == 0) line("return " + expr(2));
        else line(expr(2));
        break;
      case 6: case 7:
        line("if " + condition());
        block(depth, () -> {});
        if (rnd.nextBoolean()) {
          sb.setLength(sb.length() - 1);
          sb.append(" else\n");
          block(depth, () -> {});
        }
        break;
      case 8: {
        String i = fresh("i");
        line("for " + i + " in " + pick("0..3", "0..=2", "[1, 2, 3]", "range(4)", "\"ab\"", "[[1, 2], [3]]"));
        loopDepth++;
        block(depth, () -> declare(i));
        loopDepth--;
        break;
      }
      case 9: {
        String c = fresh("c");
        line("var " + c + " = 0");
        declare(c);
        line("while " + c + " < " + (1 + rnd.nextInt(4)));
        loopDepth++;
        block(depth, () -> line(c + " += 1"));
        loopDepth--;
        break;
      }
      case 10: case 11: {
        String f = fresh("f");
        int arity = rnd.nextInt(4);
        StringBuilder ps = new StringBuilder();
        List<String> params = new ArrayList<>();
        for (int p = 0; p < arity; p++) {
          String pn = fresh("p");
          params.add(pn);
          if (p > 0) ps.append(", ");
          ps.append(pn);
          if (p == arity - 1 && rnd.nextInt(3) == 0) ps.append(" = ").append(literal());
        }
        functions.add(new String[] {f, String.valueOf(arity)});
        declare(f);
        line("fn " + f + "(" + ps + ")");
        int savedLoops = loopDepth;
        loopDepth = 0;
        fnDepth++;
        block(depth, () -> params.forEach(this::declare));
        fnDepth--;
        loopDepth = savedLoops;
        int calls = 1 + rnd.nextInt(3);
        for (int c = 0; c < calls; c++) line("print(" + call(f, arity, 2) + ")");
        break;
      }
      default: {
        String d = fresh("d");
        line("let (" + d + ", _) = " + pick("(1, 2)", "[3, 4]", "(\"a\", nil)", "(" + expr(1) + ", 0)"));
        declare(d);
      }
    }
  }

  private String call(String f, int arity, int depth) {
    StringBuilder s = new StringBuilder(f).append('(');
    for (int a = 0; a < arity; a++) {
      if (a > 0) s.append(", ");
      s.append(expr(depth));
    }
    return s.append(')').toString();
  }

  private String pick(String... xs) {
    return xs[rnd.nextInt(xs.length)];
  }

  private String literal() {
    switch (rnd.nextInt(7)) {
      case 0: return String.valueOf(rnd.nextInt(10));
      case 1: return String.valueOf(rnd.nextInt(100) / 4.0);
      case 2: return pick("\"a\"", "\"hi\"", "\"\"", "\"x${1 + 1}\"", "'q'");
      case 3: return pick("true", "false");
      case 4: return "nil";
      case 5: return String.valueOf(-rnd.nextInt(5));
      default: return pick("pi", "0.5", "1e-3", "inf");
    }
  }

  private String condition() {
    if (rnd.nextInt(4) == 0) return expr(2);
    return expr(1) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + expr(1)
        + (rnd.nextInt(4) == 0 ? " " + pick("and", "or") + " " + pick("true", "false", "1 < 2") : "");
  }

  String expr(int depth) {
    if (depth <= 0) {
      List<String> vs = visible();
      if (!vs.isEmpty() && rnd.nextBoolean()) return vs.get(rnd.nextInt(vs.size()));
      return literal();
    }
    switch (rnd.nextInt(16)) {
      case 0: case 1:
        return expr(depth - 1) + " " + pick("+", "-", "*", "/", "%", "//", "^") + " " + expr(depth - 1);
      case 2:
        return "(" + condition() + ")";
      case 3:
        return "[" + expr(depth - 1) + ", " + expr(depth - 1) + "]";
      case 4:
        return "{k: " + expr(depth - 1) + ", \"z\": " + expr(depth - 1) + "}";
      case 5:
        return "(" + expr(depth - 1) + ", " + expr(depth - 1) + ")";
      case 6:
        return expr(depth - 1) + "[" + pick("0", "-1", "1", "0:1", ":", "::-1", "\"k\"") + "]";
      case 7:
        return pick("len", "str", "abs", "repr", "type", "json", "sqrt", "int", "list", "sum") + "(" + expr(depth - 1) + ")";
      case 8:
        return pick("min", "max", "zip", "range") + "(" + expr(depth - 1) + ", " + expr(depth - 1) + ")";
      case 9: {
        if (functions.isEmpty()) return literal();
        String[] f = functions.get(rnd.nextInt(functions.size()));
        if (!visible().contains(f[0])) return literal();
        return call(f[0], Integer.parseInt(f[1]), depth - 1);
      }
      case 10:
        return "if " + condition() + " { " + expr(depth - 1) + " } else { " + expr(depth - 1) + " }";
      case 11: {
        String x = fresh("x");
        scopes.add(new ArrayList<>(List.of(x)));
        String body = expr(depth - 1);
        scopes.remove(scopes.size() - 1);
        return "map(" + x + " => " + body + ", " + pick("[1, 2]", "0..3", "[\"a\"]", expr(depth - 1)) + ")";
      }
      case 12:
        return "\"s${" + expr(depth - 1) + "}\"";
      case 13:
        return expr(depth - 1) + "." + pick("len()", "upper()", "keys()", "push(1)", "split(\",\")", "shape", "T", "copy()");
      case 14:
        return pick("-", "not ") + expr(depth - 1);
      default:
        return pick("tensor([[1, 2], [3, 4]])", "eye(2)", "zeros(2)", "tensor([1, 2])") + " " + pick("@", "+", "*") + " " + expr(depth - 1);
    }
  }
}
