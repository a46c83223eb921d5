package dev.tangent.resolve;

import dev.tangent.ast.Block;
import dev.tangent.ast.Expr;
import dev.tangent.ast.FunctionDef;
import dev.tangent.ast.Pattern;
import dev.tangent.ast.Program;
import dev.tangent.ast.Stmt;
import dev.tangent.ast.TypeRef;
import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Builtin;
import dev.tangent.exec.Cell;
import dev.tangent.exec.Members;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static pass. Scopes become frame slots, captured variables become cells, and every
 * static error (undefined names, wrong arity for known functions, assignment to a let,
 * break/continue outside a loop, return outside a function) is reported before anything runs.
 */
public final class Resolver {
  private final Environment env;
  private final boolean repl;
  private final Resolution out = new Resolution();
  private Scope scope;
  private FnScope fn;

  /** A block's names. The top-level block maps names to globals instead of slots. */
  private static final class Scope {
    final Scope parent;
    final FnScope fn;
    final boolean topLevel;
    final Map<String, Object> names = new HashMap<>();   // Symbol or GlobalVar

    Scope(Scope parent, FnScope fn, boolean topLevel) {
      this.parent = parent;
      this.fn = fn;
      this.topLevel = topLevel;
    }
  }

  private Resolver(Environment env, boolean repl) {
    this.env = env;
    this.repl = repl;
  }

  /** Resolves a whole program. In REPL mode top-level names may be redefined. */
  public static Resolution resolve(Program program, Environment env, boolean repl) {
    Resolver r = new Resolver(env, repl);
    r.program(program);
    return r.out;
  }

  private void error(Span span, String message) {
    out.errors.add(new TangentError(TangentError.Kind.STATIC, message, span));
  }

  // ------------------------------------------------------------------ program

  private void program(Program p) {
    fn = new FnScope(null, null);
    out.script = fn;
    scope = new Scope(null, fn, true);
    for (Stmt s : p.statements()) collectImport(s);
    for (Stmt s : p.statements()) predeclareGlobal(s);
    for (Stmt s : p.statements()) statement(s, true);
    out.errors.sort(java.util.Comparator.comparingInt((TangentError e) -> e.span().start()));
  }

  private void collectImport(Stmt s) {
    if (s instanceof Stmt.Import im) {
      String name = String.join(".", im.path());
      String refused = env.modules.refusal(name);
      if (refused != null) {
        error(im.span(), refused);
        return;
      }
      Object module = env.modules.module(name);
      if (module == null) {
        error(im.span(), "unknown module '" + name + "'");
        return;
      }
      out.newModules.add(name);
      out.newImports.put(im.alias() != null ? im.alias() : im.path().get(im.path().size() - 1), module);
      if (im.alias() == null) out.newImports.putAll(env.modules.exports(module));
    } else if (s instanceof Stmt.FromImport fi) {
      String name = String.join(".", fi.path());
      String refused = env.modules.refusal(name);
      if (refused != null) {
        error(fi.span(), refused);
        return;
      }
      Object module = env.modules.module(name);
      if (module == null) {
        error(fi.span(), "unknown module '" + name + "'");
        return;
      }
      out.newModules.add(name);
      Map<String, Object> exports = env.modules.exports(module);
      if (fi.star()) {
        out.newImports.putAll(exports);
      }
      for (Expr.Name n : fi.names()) {
        if (!exports.containsKey(n.name())) {
          String near = Members.closest(n.name(), exports.keySet());
          error(n.span(), "module '" + name + "' has no member '" + n.name() + "'"
              + (near != null ? " (did you mean '" + near + "'?)" : ""));
        } else {
          out.newImports.put(n.name(), exports.get(n.name()));
        }
      }
    }
  }

  /** Top-level let/var/fn names are globals, visible to every function of the program. */
  private void predeclareGlobal(Stmt s) {
    if (s instanceof Stmt.Let let) {
      Set<String> seen = new LinkedHashSet<>();
      for (Pattern.Name pn : names(let.pattern())) {
        if (seen.add(pn.name())) declareGlobal(pn.name(), pn.span(), let.mutable(), null);
      }
    } else if (s instanceof Stmt.Fn f) {
      declareGlobal(f.function().name(), f.span(), false, f.function());
    }
  }

  private void declareGlobal(String name, Span span, boolean mutable, FunctionDef def) {
    GlobalVar pending = out.newGlobals.get(name);
    if (pending != null && !repl) {
      error(span, "'" + name + "' is already defined at line " + pending.declared.line());
      return;
    }
    GlobalVar existing = env.globals.get(name);
    Cell cell = existing != null ? existing.cell : pending != null ? pending.cell : new Cell();
    GlobalVar g = new GlobalVar(name, cell, mutable, def, span);
    out.newGlobals.put(name, g);
    scope.names.put(name, g);
  }

  // ------------------------------------------------------------------ statements

  private void block(Block b) {
    Scope saved = scope;
    scope = new Scope(scope, fn, false);
    statements(b.statements());
    scope = saved;
  }

  private void statements(List<Stmt> stmts) {
    // fn declarations are visible throughout their block, so siblings may call each other.
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Fn f) declareLocal(f.function().name(), f.span(), false, f.function(), f);
    }
    for (Stmt s : stmts) statement(s, false);
  }

  private void statement(Stmt s, boolean topLevel) {
    if (s instanceof Stmt.Let let) {
      if (let.init() != null) expr(let.init());
      else if (!let.mutable()) error(let.span(), "let needs a value");
      if (let.type() != null) typeRef(let.type());
      for (Pattern.Name pn : names(let.pattern())) {
        if (topLevel) out.declarations.put(pn, scope.names.get(pn.name()));
        else declareLocal(pn.name(), pn.span(), let.mutable(), null, pn);
      }
      checkDuplicateNames(let.pattern());
    } else if (s instanceof Stmt.Fn f) {
      if (topLevel) out.declarations.put(f, scope.names.get(f.function().name()));
      function(f.function());
    } else if (s instanceof Stmt.For loop) {
      expr(loop.iterable());
      Scope saved = scope;
      scope = new Scope(scope, fn, false);
      for (Pattern.Name pn : names(loop.pattern())) declareLocal(pn.name(), pn.span(), false, null, pn);
      checkDuplicateNames(loop.pattern());
      fn.loopDepth++;
      block(loop.body());
      fn.loopDepth--;
      scope = saved;
    } else if (s instanceof Stmt.While w) {
      expr(w.condition());
      fn.loopDepth++;
      block(w.body());
      fn.loopDepth--;
    } else if (s instanceof Stmt.Break b) {
      if (fn.loopDepth == 0) error(b.span(), "break outside a loop");
    } else if (s instanceof Stmt.Continue c) {
      if (fn.loopDepth == 0) error(c.span(), "continue outside a loop");
    } else if (s instanceof Stmt.Return r) {
      if (fn.isScript()) error(r.span(), "return outside a function");
      if (r.value() != null) expr(r.value());
    } else if (s instanceof Stmt.Import || s instanceof Stmt.FromImport) {
      if (!topLevel) error(s.span(), "import is only allowed at the top level");
    } else if (s instanceof Stmt.Assign a) {
      expr(a.value());
      assignTarget(a.target(), a.op() != null);
    } else if (s instanceof Stmt.ExprStmt e) {
      expr(e.expr());
    }
  }

  private void checkDuplicateNames(Pattern p) {
    Set<String> seen = new LinkedHashSet<>();
    for (Pattern.Name n : names(p)) {
      if (!seen.add(n.name())) error(n.span(), "'" + n.name() + "' appears twice in this pattern");
    }
  }

  private void assignTarget(Expr target, boolean compound) {
    if (target instanceof Expr.Name n) {
      VarRef ref = lookup(n.name(), n.span(), false);
      if (ref == null) {
        error(n.span(), "undefined name '" + n.name() + "'");
        return;
      }
      out.refs.put(n, ref);
      String why = null;
      if (ref instanceof VarRef.Local l && !l.symbol().mutable) why = declaredBy(l.symbol().function, l.symbol().declared);
      else if (ref instanceof VarRef.Upvalue u && !u.symbol().mutable) why = declaredBy(u.symbol().function, u.symbol().declared);
      else if (ref instanceof VarRef.Global g && !g.global().mutable) why = declaredBy(g.global().function, g.global().declared);
      else if (ref instanceof VarRef.Constant) why = "it is a built-in or imported name";
      if (why != null) error(n.span(), "cannot assign to '" + n.name() + "': " + why);
    } else if (target instanceof Expr.Member m) {
      expr(m.target());
    } else if (target instanceof Expr.Index ix) {
      expr(ix.target());
      subscripts(ix.subscripts());
    } else if (target instanceof Expr.TupleLit t) {
      if (compound) error(t.span(), "compound assignment needs a single target");
      for (Expr e : t.items()) assignTarget(e, false);
    }
  }

  private static String declaredBy(FunctionDef f, Span declared) {
    if (f != null) return "it is a function (declared at line " + declared.line() + ")";
    return "it is declared with let at line " + declared.line() + " (use var for a variable)";
  }

  private void declareLocal(String name, Span span, boolean mutable, FunctionDef def, Object site) {
    if (name.equals("_")) return;
    Object prev = scope.names.get(name);
    if (prev instanceof Symbol ps && prev != null && !(def != null && ps.function == def)) {
      error(span, "'" + name + "' is already defined in this block at line " + ps.declared.line());
      return;
    }
    if (prev instanceof Symbol ps && ps.function == def && def != null) {
      out.declarations.put(site, ps);
      return;
    }
    Symbol s = new Symbol(name, span, mutable, fn, fn.newSlot(), def);
    scope.names.put(name, s);
    out.declarations.put(site, s);
  }

  // ------------------------------------------------------------------ functions

  private void function(FunctionDef def) {
    FnScope savedFn = fn;
    Scope savedScope = scope;
    fn = new FnScope(savedFn, def);
    out.functions.put(def, fn);
    scope = new Scope(savedScope, fn, false);
    for (FunctionDef.Param p : def.params()) {
      if (p.defaultValue() != null) expr(p.defaultValue());
      if (p.type() != null) {
        // Annotations are evaluated where the function is defined.
        FnScope inner = fn;
        Scope innerScope = scope;
        fn = savedFn;
        scope = savedScope;
        typeRef(p.type());
        fn = inner;
        scope = innerScope;
      }
      Symbol s = new Symbol(p.name(), p.span(), true, fn, fn.newSlot(), null);
      scope.names.put(p.name(), s);
      out.declarations.put(p, s);
    }
    if (def.returnType() != null) {
      FnScope inner = fn;
      Scope innerScope = scope;
      fn = savedFn;
      scope = savedScope;
      typeRef(def.returnType());
      fn = inner;
      scope = innerScope;
    }
    statements(def.body().statements());
    fn = savedFn;
    scope = savedScope;
  }

  private void typeRef(TypeRef t) {
    Expr e = new Expr.Name(new Span(t.span().source(), t.span().start(), t.span().start() + t.path().get(0).length()), t.path().get(0));
    for (int i = 1; i < t.path().size(); i++) {
      e = new Expr.Member(t.span(), e, t.path().get(i), t.span());
    }
    out.typeExprs.put(t, e);
    expr(e);
  }

  // ------------------------------------------------------------------ expressions

  private void expr(Expr e) {
    if (e instanceof Expr.Name n) {
      VarRef ref = lookup(n.name(), n.span(), true);
      if (ref != null) out.refs.put(n, ref);
      else undefined(n);
    } else if (e instanceof Expr.Interpolated s) {
      for (Object part : s.parts()) if (part instanceof Expr pe) expr(pe);
    } else if (e instanceof Expr.TupleLit t) {
      for (Expr x : t.items()) expr(x);
    } else if (e instanceof Expr.ListLit l) {
      for (Expr x : l.items()) expr(x);
    } else if (e instanceof Expr.MapLit m) {
      for (Expr.MapEntry en : m.entries()) {
        expr(en.key());
        expr(en.value());
      }
    } else if (e instanceof Expr.Member m) {
      expr(m.target());
    } else if (e instanceof Expr.Call c) {
      expr(c.callee());
      for (Expr.Arg a : c.args()) expr(a.value());
      checkArity(c);
    } else if (e instanceof Expr.Index ix) {
      expr(ix.target());
      subscripts(ix.subscripts());
    } else if (e instanceof Expr.Binary b) {
      expr(b.left());
      expr(b.right());
    } else if (e instanceof Expr.Unary u) {
      expr(u.operand());
    } else if (e instanceof Expr.Logical l) {
      expr(l.left());
      expr(l.right());
    } else if (e instanceof Expr.RangeLit r) {
      expr(r.start());
      expr(r.end());
    } else if (e instanceof Expr.In in) {
      expr(in.item());
      expr(in.container());
    } else if (e instanceof Expr.Lambda l) {
      int savedLoops = fn.loopDepth;
      function(l.function());
      fn.loopDepth = savedLoops;
    } else if (e instanceof Expr.If i) {
      expr(i.condition());
      block(i.then());
      if (i.otherwise() instanceof Block b) block(b);
      else if (i.otherwise() instanceof Expr.If other) expr(other);
    }
  }

  private void subscripts(List<Expr.Subscript> subs) {
    for (Expr.Subscript s : subs) {
      if (s instanceof Expr.IndexSub is) {
        expr(is.index());
      } else {
        Expr.SliceSub sl = (Expr.SliceSub) s;
        if (sl.lo() != null) expr(sl.lo());
        if (sl.hi() != null) expr(sl.hi());
        if (sl.step() != null) expr(sl.step());
      }
    }
  }

  private void undefined(Expr.Name n) {
    List<String> known = new ArrayList<>();
    for (Scope s = scope; s != null; s = s.parent) known.addAll(s.names.keySet());
    known.addAll(env.globals.keySet());
    known.addAll(env.imports.keySet());
    known.addAll(out.newImports.keySet());
    known.addAll(env.prelude.keySet());
    String near = Members.closest(n.name(), known);
    error(n.span(), "undefined name '" + n.name() + "'" + (near != null ? " (did you mean '" + near + "'?)" : ""));
  }

  /** Arity and argument names of calls to functions known before running. */
  private void checkArity(Expr.Call c) {
    if (!(c.callee() instanceof Expr.Name n)) return;
    VarRef ref = out.refs.get(n);
    int positional = 0;
    List<String> names = new ArrayList<>();
    for (Expr.Arg a : c.args()) {
      if (a.name() == null) positional++;
      else names.add(a.name());
    }
    FunctionDef def = null;
    if (ref instanceof VarRef.Local l) def = l.symbol().function;
    else if (ref instanceof VarRef.Upvalue u) def = u.symbol().function;
    else if (ref instanceof VarRef.Global g) def = g.global().function;
    String problem = null;
    if (def != null) {
      problem = checkCall(def, positional, names);
    } else if (ref instanceof VarRef.Constant k && k.value() instanceof Builtin b) {
      problem = b.sig().check(positional, names, 0);
    }
    if (problem != null) error(c.span(), problem);
  }

  private static String checkCall(FunctionDef def, int positional, List<String> names) {
    int n = def.params().size();
    if (positional > n) {
      return "too many arguments to " + def.name() + "(): expected at most " + n + ", got " + positional;
    }
    boolean[] filled = new boolean[n];
    for (int i = 0; i < positional; i++) filled[i] = true;
    for (String name : names) {
      int i = -1;
      for (int j = 0; j < n; j++) if (def.params().get(j).name().equals(name)) i = j;
      if (i < 0) return "unknown argument '" + name + "' for " + def.name() + "()";
      if (filled[i]) return "argument '" + name + "' of " + def.name() + "() given twice";
      filled[i] = true;
    }
    for (int i = 0; i < n; i++) {
      if (!filled[i] && def.params().get(i).defaultValue() == null) {
        return "missing argument '" + def.params().get(i).name() + "' for " + def.name() + "()";
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ lookup

  private VarRef lookup(String name, Span use, boolean reading) {
    for (Scope s = scope; s != null; s = s.parent) {
      Object found = s.names.get(name);
      if (found == null) continue;
      if (found instanceof GlobalVar g) {
        if (reading && fn.isScript() && out.newGlobals.get(name) == g && g.declared.start() > use.start()
            && !env.globals.containsKey(name) && g.function == null) {
          error(use, "'" + name + "' is used before its definition at line " + g.declared.line());
        }
        return new VarRef.Global(g);
      }
      Symbol sym = (Symbol) found;
      if (sym.owner == fn) return new VarRef.Local(sym);
      return new VarRef.Upvalue(sym, capture(fn, sym));
    }
    GlobalVar g = env.globals.get(name);
    if (g != null) return new VarRef.Global(g);
    if (out.newImports.containsKey(name)) return new VarRef.Constant(name, out.newImports.get(name));
    if (env.imports.containsKey(name)) return new VarRef.Constant(name, env.imports.get(name));
    if (env.prelude.containsKey(name)) return new VarRef.Constant(name, env.prelude.get(name));
    return null;
  }

  /** Threads a captured variable through every function between its owner and {@code f}. */
  private int capture(FnScope f, Symbol sym) {
    if (f.parent == sym.owner) {
      sym.captured = true;
      return f.upvalueIndex(sym, true, sym.slot);
    }
    int outer = capture(f.parent, sym);
    return f.upvalueIndex(sym, false, outer);
  }

  static List<Pattern.Name> names(Pattern p) {
    List<Pattern.Name> out = new ArrayList<>();
    collect(p, out);
    return out;
  }

  private static void collect(Pattern p, List<Pattern.Name> out) {
    if (p instanceof Pattern.Name n) {
      if (!n.ignored()) out.add(n);
    } else {
      for (Pattern q : ((Pattern.Destructure) p).items()) collect(q, out);
    }
  }
}
