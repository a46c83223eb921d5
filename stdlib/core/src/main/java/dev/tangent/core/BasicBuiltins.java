package dev.tangent.core;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Display;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Json;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Types;
import dev.tangent.spi.ModuleBuilder;
import java.io.PrintWriter;
import java.util.List;

/** print, repr, type, help, assert, len, json, clock and conversions. */
final class BasicBuiltins {
  private BasicBuiltins() {}

  static void define(ModuleBuilder m) {
    m.functions(
        Builtin.of("print(*values, sep=' ', end='\\n')",
            "Prints the values separated by sep and followed by end. Strings print as they are, other values as repr() shows them.",
            a -> {
              List<Object> vs = a.rest();
              String sep = a.str(1, " ");
              String end = a.str(2, "\n");
              StringBuilder sb = new StringBuilder();
              for (int i = 0; i < vs.size(); i++) {
                if (i > 0) sb.append(sep);
                sb.append(Display.str(vs.get(i)));
              }
              sb.append(end);
              PrintWriter out = a.ctx().out;
              out.print(sb);
              out.flush();
              return Nil.NIL;
            }),
        Builtin.of("repr(x)", "The text the REPL would show for x, with numbers at full precision: repr(0.1 + 0.2) is \"0.30000000000000004\".",
            a -> a.get(0) instanceof Double d ? Display.fullNumber(d) : Display.repr(a.get(0))),
        Builtin.of("str(x)", "x as text: strings unchanged, everything else as it prints.", a -> Display.str(a.get(0))),
        Builtin.of("fmt(x, spec)",
            "Formats a number with a printf-style spec without the %: fmt(pi, \".3f\") is \"3.142\", fmt(1e-5, \".2e\") is \"1.00e-05\", fmt(42, \"5d\") is \"   42\".",
            a -> Format.number(a.num(0), a.str(1))),
        Builtin.of("type(x)", "The type of x, itself a value: type(1) is Number, type(SE3.identity()) is SE3.",
            a -> Types.typeOf(a.get(0))),
        Builtin.of("help(x=nil)", "Shows the documentation of a function, type, module or value; help() gives an overview.",
            a -> {
              a.ctx().out.println(a.has(0) ? Help.describe(a.get(0)) : Help.overview());
              a.ctx().out.flush();
              return Nil.NIL;
            }),
        Builtin.of("doc(x)", "The doc string of a function, type or module (nil if it has none).",
            a -> {
              String d = Help.docOf(a.get(0));
              return d == null ? Nil.NIL : d;
            }),
        Builtin.of("assert(condition, message=nil)", "Fails with \"assertion failed\" (and the message) unless condition is true.",
            a -> {
              Object c = a.get(0);
              if (!(c instanceof Boolean)) throw a.typeError(0, "a Bool");
              if (!(Boolean) c) {
                String msg = a.present(1) ? "assertion failed: " + Display.str(a.get(1)) : "assertion failed";
                throw TangentError.runtime(msg);
              }
              return Nil.NIL;
            }),
        Builtin.of("error(message)", "Stops with a runtime error carrying the message.",
            a -> {
              throw TangentError.runtime(Display.str(a.get(0)));
            }),
        Builtin.of("len(x)", "The number of items of a list, tuple, map, string (in characters), range or tensor (along its first axis).",
            a -> (double) Iteration.length(a.get(0))),
        Builtin.of("json(x)", "x as JSON text: numbers, strings, booleans, nil, lists, tuples, maps, tensors (nested lists) and module values.",
            a -> Json.write(a.get(0))),
        Builtin.of("clock()", "Seconds on a monotonic clock: subtract two readings to time work.",
            a -> System.nanoTime() / 1e9),
        Builtin.of("int(x)", "x truncated toward zero; a string is parsed: int(\"42\") is 42.",
            a -> {
              Object v = a.get(0);
              if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw TangentError.runtime("int(): cannot convert " + Display.number(d) + " to an integer");
              }
              if (v instanceof Double d) return d < 0 ? Math.ceil(d) : Math.floor(d);
              if (v instanceof Boolean b) return b ? 1.0 : 0.0;
              if (v instanceof String s) {
                try {
                  double d = Double.parseDouble(s.trim().replace("_", ""));
                  if (d != d || Double.isInfinite(d)) throw TangentError.runtime("int(): cannot convert " + Display.repr(s) + " to an integer");
                  return d < 0 ? Math.ceil(d) : Math.floor(d);
                } catch (NumberFormatException e) {
                  throw TangentError.runtime("int(): cannot parse " + Display.repr(s));
                }
              }
              throw a.typeError(0, "a Number, Bool or String");
            }),
        Builtin.of("num(x)", "x as a number: a string is parsed (num(\"1e-3\") is 0.001), true is 1, false is 0.",
            a -> {
              Object v = a.get(0);
              if (v instanceof Double) return v;
              if (v instanceof Boolean b) return b ? 1.0 : 0.0;
              if (v instanceof String s) {
                String t = s.trim().toLowerCase().replace("_", "");
                if (t.equals("inf") || t.equals("+inf")) return Double.POSITIVE_INFINITY;
                if (t.equals("-inf")) return Double.NEGATIVE_INFINITY;
                if (t.equals("nan")) return Double.NaN;
                try {
                  return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                  throw TangentError.runtime("num(): cannot parse " + Display.repr(s));
                }
              }
              throw a.typeError(0, "a Number, Bool or String");
            }));
    m.value("Number", Types.NUMBER, Types.NUMBER.doc());
    m.value("String", Types.STRING, Types.STRING.doc());
    m.value("Bool", Types.BOOL, Types.BOOL.doc());
    m.value("Nil", Types.NIL, Types.NIL.doc());
    m.value("List", Types.LIST, Types.LIST.doc());
    m.value("Map", Types.MAP, Types.MAP.doc());
    m.value("Tuple", Types.TUPLE, Types.TUPLE.doc());
    m.value("Range", Types.RANGE, Types.RANGE.doc());
    m.value("Function", Types.FUNCTION, Types.FUNCTION.doc());
    m.value("Type", Types.TYPE, Types.TYPE.doc());
    m.value("Module", Types.MODULE, Types.MODULE.doc());
    m.value("Any", Types.ANY, Types.ANY.doc());
  }
}
