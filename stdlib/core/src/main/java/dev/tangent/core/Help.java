package dev.tangent.core;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Documented;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.InstanceDocs;
import dev.tangent.spi.ModuleValue;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.TypeValue;
import dev.tangent.spi.Types;
import dev.tangent.spi.Modules;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The text behind help(x), doc(x) and the REPL's :doc and :help. */
public final class Help {
  private Help() {}

  public static String docOf(Object v) {
    if (v instanceof Callable c && !(v instanceof TypeLike) && !(v instanceof HasMembers)) return c.doc();
    if (v instanceof ModuleValue m) return m.doc();
    if (v instanceof TypeValue t) return t.doc();
    if (v instanceof Documented d) return d.doc();
    return null;
  }

  public static String describe(Object v) {
    StringBuilder sb = new StringBuilder();
    if (v instanceof ModuleValue m) {
      sb.append("module ").append(m.name()).append("\n\n").append(m.doc()).append("\n\nMembers:\n");
      Map<String, String> constDocs = Modules.get().docs(m.name());
      for (Map.Entry<String, Object> e : new TreeMap<>(m.exports()).entrySet()) {
        String d = e.getValue() instanceof Callable c && !(e.getValue() instanceof TypeLike) ? c.doc() : constDocs.get(e.getKey());
        if (d == null) d = docOf(e.getValue());
        sb.append("  ").append(pad(e.getKey(), 18)).append(firstSentence(d)).append('\n');
      }
      return sb.toString().stripTrailing();
    }
    if (v instanceof Callable c && !(v instanceof TypeLike) && !(v instanceof HasMembers)) {
      sb.append(c.signature());
      if (c.doc() != null) sb.append("\n\n").append(c.doc());
      return sb.toString();
    }
    if (v instanceof TypeLike t) {
      sb.append("type ").append(t.typeName());
      String d = docOf(v);
      if (d != null) sb.append("\n\n").append(d);
      appendMembers(sb, t);
      if (v instanceof HasMembers hm) {
        sb.append("\n\nMembers of ").append(t.typeName()).append(":\n  ").append(String.join(", ", new java.util.TreeSet<>(hm.memberNames())));
      }
      return sb.toString();
    }
    TypeLike t = Types.typeOf(v);
    sb.append("a value of type ").append(t.typeName());
    String d = docOf(v);
    if (d != null) sb.append("\n\n").append(d);
    appendMembers(sb, List.of(Types.of(v.getClass())));
    return sb.toString();
  }

  private static void appendMembers(StringBuilder sb, TypeLike t) {
    List<TypeInfo> infos = new java.util.ArrayList<>(Types.infosFor(t));
    if (t instanceof InstanceDocs id) infos.add(Types.of(id.instanceClass()));
    appendMembers(sb, infos);
  }

  private static void appendMembers(StringBuilder sb, List<TypeInfo> infos) {
    Map<String, Builtin> props = new TreeMap<>();
    Map<String, Builtin> methods = new TreeMap<>();
    for (TypeInfo ti : infos) {
      props.putAll(ti.properties());
      methods.putAll(ti.methods());
    }
    if (!props.isEmpty()) {
      sb.append("\n\nProperties:\n");
      for (Builtin b : props.values()) sb.append("  .").append(pad(b.name(), 17)).append(firstSentence(b.doc())).append('\n');
    }
    if (!methods.isEmpty()) {
      sb.append(props.isEmpty() ? "\n\n" : "\n").append("Methods:\n");
      for (Builtin b : methods.values()) {
        String sig = b.signature().replace("(self, ", "(").replace("(self)", "()");
        sb.append("  .").append(pad(sig, 30)).append(firstSentence(b.doc())).append('\n');
      }
    }
    int n = sb.length();
    while (n > 0 && sb.charAt(n - 1) == '\n') n--;
    sb.setLength(n);
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s + "  " : s + " ".repeat(w - s.length());
  }

  static String firstSentence(String d) {
    if (d == null) return "";
    int i = d.indexOf(". ");
    String s = i < 0 ? d : d.substring(0, i + 1);
    return s.length() > 100 ? s.substring(0, 97) + "..." : s;
  }

  public static String overview() {
    return String.join("\n",
        "Tangent: Lie groups, tensors, deformations and networks as values.",
        "",
        "  help(f)         the signature and documentation of a function",
        "  help(Number)    a type and its methods (also help(List), help(SE3), ...)",
        "  help(lie)       a module and its members (after `import lie`)",
        "  type(x)         the type of a value",
        "",
        "Modules on this class path: " + String.join(", ", Modules.get().names()),
        "The language reference is docs/language.md.");
  }
}
