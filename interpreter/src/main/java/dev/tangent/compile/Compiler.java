package dev.tangent.compile;

import dev.tangent.ast.Block;
import dev.tangent.ast.Expr;
import dev.tangent.ast.FunctionDef;
import dev.tangent.ast.Pattern;
import dev.tangent.ast.Program;
import dev.tangent.ast.Stmt;
import dev.tangent.diag.Span;
import dev.tangent.jit.JitCompiler;
import dev.tangent.jit.JitSource;
import dev.tangent.nodes.Arithmetic;
import dev.tangent.nodes.Calls;
import dev.tangent.nodes.Control;
import dev.tangent.nodes.Destructure;
import dev.tangent.nodes.Indexes;
import dev.tangent.nodes.Literals;
import dev.tangent.nodes.Node;
import dev.tangent.nodes.StatementsBody;
import dev.tangent.nodes.StmtNode;
import dev.tangent.nodes.Variables;
import dev.tangent.resolve.FnScope;
import dev.tangent.resolve.GlobalVar;
import dev.tangent.resolve.Resolution;
import dev.tangent.resolve.Symbol;
import dev.tangent.resolve.VarRef;
import dev.tangent.exec.FunctionCode;
import dev.tangent.exec.OutsideNames;
import dev.tangent.spi.Nil;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a resolved syntax tree into executable nodes. Names are already slots, cells or
 * constants, so no node looks anything up by name at run time.
 */
public final class Compiler {
  private final Resolution res;
  private FnScope fn;

  /** The outside names of the function being compiled (null at a script's top level). */
  private OutsideNames.Collector outside;

  private Compiler(Resolution res) {
    this.res = res;
  }

  /** Compiles a program into its top-level function. With {@code valueOfLast}, a final expression is its result. */
  public static FunctionCode script(Program program, Resolution res, boolean valueOfLast) {
    Compiler c = new Compiler(res);
    c.fn = res.script;
    List<StmtNode> out = new ArrayList<>();
    List<Stmt> stmts = program.statements();
    // Top-level functions capture no locals, so they are created first: callable from anywhere.
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Fn f) {
        GlobalVar g = (GlobalVar) res.declarations.get(f);
        out.add(new Variables.Store(f.span(), new Variables.GlobalTarget(g.cell), c.lambda(f.function(), f.span())));
      }
    }
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (s instanceof Stmt.Fn) continue;
      boolean tail = valueOfLast && i == stmts.size() - 1;
      StmtNode n = tail ? c.tail(s) : c.stmt(s);
      if (n != null) out.add(n);
    }
    String name = "<script>";
    FunctionCode code = new FunctionCode(name, null, null, new String[0], 0);
    code.boxedParams = new boolean[0];
    code.body = new StatementsBody(out.toArray(new StmtNode[0]));
    code.slotCount = res.script.slotCount;
    code.signatureText = name;
    return code;
  }

  // ------------------------------------------------------------------ functions

  private Calls.Lambda lambda(FunctionDef def, Span span) {
    FnScope scope = res.functions.get(def);
    OutsideNames.Collector parentNames = outside;
    outside = new OutsideNames.Collector();
    Node[] types = null;
    for (int i = 0; i < def.params().size(); i++) {
      FunctionDef.Param p = def.params().get(i);
      if (p.type() == null) continue;
      if (types == null) types = new Node[def.params().size()];
      types[i] = expr(res.typeExprs.get(p.type()));
    }
    FunctionCode code = function(def, scope);
    int n = scope.upvalues.size();
    boolean[] fromLocal = new boolean[n];
    int[] index = new int[n];
    String[] upvalueNames = new String[n];
    for (int i = 0; i < n; i++) {
      FnScope.Upvalue u = scope.upvalues.get(i);
      fromLocal[i] = u.fromParentLocal();
      index[i] = u.index();
      upvalueNames[i] = u.symbol().name;
    }
    code.outside = outside.finish(upvalueNames);
    if (parentNames != null) parentNames.addAll(outside);
    outside = parentNames;
    return new Calls.Lambda(span, code, fromLocal, index, types);
  }

  private FunctionCode function(FunctionDef def, FnScope scope) {
    FnScope saved = fn;
    fn = scope;
    List<FunctionDef.Param> ps = def.params();
    String[] names = new String[ps.size()];
    boolean[] boxed = new boolean[ps.size()];
    Node[] defaults = null;
    for (int i = 0; i < ps.size(); i++) {
      FunctionDef.Param p = ps.get(i);
      names[i] = p.name();
      boxed[i] = boxed((Symbol) res.declarations.get(p));
      if (p.defaultValue() != null) {
        if (defaults == null) defaults = new Node[ps.size()];
        defaults[i] = expr(p.defaultValue());
      }
    }
    FunctionCode code = new FunctionCode(def.name(), def.doc(), def.span(), names, def.requiredCount());
    code.defaults = defaults;
    code.boxedParams = boxed;
    for (boolean b : boxed) code.anyBoxedParam |= b;
    code.body = new StatementsBody(body(def.body().statements(), true));
    code.slotCount = scope.slotCount;
    code.signatureText = signature(def);
    code.promotion = JitCompiler.promotion(new JitSource(def, res, scope));
    fn = saved;
    return code;
  }

  private static String signature(FunctionDef def) {
    StringBuilder sb = new StringBuilder(def.name()).append('(');
    for (int i = 0; i < def.params().size(); i++) {
      FunctionDef.Param p = def.params().get(i);
      if (i > 0) sb.append(", ");
      sb.append(p.name());
      if (p.type() != null) sb.append(": ").append(p.type().text());
      if (p.defaultValue() != null) {
        Span s = p.defaultValue().span();
        sb.append('=').append(s.source().text(), s.start(), s.end());
      }
    }
    sb.append(')');
    if (def.returnType() != null) sb.append(" -> ").append(def.returnType().text());
    return sb.toString();
  }

  private static boolean boxed(Symbol s) {
    return s != null && (s.captured || s.function != null);
  }

  // ------------------------------------------------------------------ statements

  /** A block's statements; with {@code tail}, a final expression becomes the return value. */
  private StmtNode[] body(List<Stmt> stmts, boolean tail) {
    List<StmtNode> out = new ArrayList<>();
    makeFnCells(stmts, out);
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      StmtNode n = tail && i == stmts.size() - 1 ? tail(s) : stmt(s);
      if (n != null) out.add(n);
    }
    return out.toArray(new StmtNode[0]);
  }

  private void makeFnCells(List<Stmt> stmts, List<StmtNode> out) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Fn f && res.declarations.get(f) instanceof Symbol sym) {
        out.add(new Variables.MakeCell(f.span(), sym.slot));
      }
    }
  }

  private StmtNode tail(Stmt s) {
    if (s instanceof Stmt.ExprStmt es) {
      if (es.expr() instanceof Expr.If i) return tailIf(i);
      return new Control.Return(s.span(), expr(es.expr()));
    }
    return stmt(s);
  }

  private StmtNode tailIf(Expr.If i) {
    StmtNode[] then = body(i.then().statements(), true);
    StmtNode[] otherwise;
    if (i.otherwise() instanceof Block b) otherwise = body(b.statements(), true);
    else if (i.otherwise() instanceof Expr.If e) otherwise = new StmtNode[] {tailIf(e)};
    else otherwise = new StmtNode[0];
    return new Control.If(i.span(), expr(i.condition()), then, otherwise);
  }

  private StmtNode stmt(Stmt s) {
    Span sp = s.span();
    if (s instanceof Stmt.Let let) {
      Node value = let.init() != null ? expr(let.init()) : new Literals.Const(sp, Nil.NIL);
      if (let.type() != null && let.pattern() instanceof Pattern.Name pn) {
        value = new Control.TypeCheck(sp, value, expr(res.typeExprs.get(let.type())), pn.name());
      }
      return store(sp, declTarget(let.pattern()), value);
    }
    if (s instanceof Stmt.Fn f) {
      Object decl = res.declarations.get(f);
      Variables.Target t = decl instanceof GlobalVar g ? new Variables.GlobalTarget(g.cell)
          : new Variables.CellTarget(((Symbol) decl).slot);
      return new Variables.Store(sp, t, lambda(f.function(), sp));
    }
    if (s instanceof Stmt.For loop) {
      Node iterable = expr(loop.iterable());
      Variables.Target t = declTarget(loop.pattern());
      return promoted(s, new Control.For(sp, t, iterable, body(loop.body().statements(), false)));
    }
    if (s instanceof Stmt.While w) {
      return promoted(s, new Control.While(sp, expr(w.condition()), body(w.body().statements(), false)));
    }
    if (s instanceof Stmt.Break) return new Control.Break(sp);
    if (s instanceof Stmt.Continue) return new Control.Continue(sp);
    if (s instanceof Stmt.Return r) return new Control.Return(sp, r.value() == null ? null : expr(r.value()));
    if (s instanceof Stmt.Import || s instanceof Stmt.FromImport) return null;   // bound while compiling
    if (s instanceof Stmt.Assign a) return assign(a);
    if (s instanceof Stmt.ExprStmt es) {
      if (es.expr() instanceof Expr.If i) return ifStmt(i);
      return new Control.ExprStmt(sp, expr(es.expr()));
    }
    throw new IllegalStateException("unknown statement " + s);
  }

  /** A loop of the script's own code goes to the bytecode tier on its own (functions go whole). */
  private StmtNode promoted(Stmt loop, StmtNode onNodes) {
    if (!fn.isScript()) return onNodes;
    dev.tangent.exec.Promotion p = JitCompiler.loopPromotion(loop, res, fn);
    return p == null ? onNodes : new Control.PromotedLoop(onNodes, p);
  }

  private StmtNode ifStmt(Expr.If i) {
    StmtNode[] then = body(i.then().statements(), false);
    StmtNode[] otherwise;
    if (i.otherwise() instanceof Block b) otherwise = body(b.statements(), false);
    else if (i.otherwise() instanceof Expr.If e) otherwise = new StmtNode[] {ifStmt(e)};
    else otherwise = new StmtNode[0];
    return new Control.If(i.span(), expr(i.condition()), then, otherwise);
  }

  private static StmtNode store(Span sp, Variables.Target t, Node value) {
    if (t instanceof Variables.SlotTarget st) return new Variables.StoreSlot(sp, st.slot(), value);
    return new Variables.Store(sp, t, value);
  }

  private StmtNode assign(Stmt.Assign a) {
    Span sp = a.span();
    Node value = expr(a.value());
    Expr target = a.target();
    if (target instanceof Expr.Name n) {
      VarRef ref = res.refs.get(n);
      Variables.Target t = assignTarget(ref);
      if (a.op() == null) return store(sp, t, value);
      return new Indexes.Compound(sp, read(n, ref), t, a.op(), value);
    }
    if (target instanceof Expr.Member m) {
      return new Indexes.SetMember(sp, expr(m.target()), m.name(), a.op(), value);
    }
    if (target instanceof Expr.Index ix) {
      return new Indexes.Set(sp, expr(ix.target()), subscripts(ix.subscripts()), a.op(), value);
    }
    return new Variables.Store(sp, tupleTarget((Expr.TupleLit) target), value);
  }

  private Variables.Target tupleTarget(Expr.TupleLit t) {
    Variables.Target[] items = new Variables.Target[t.items().size()];
    for (int i = 0; i < items.length; i++) {
      Expr e = t.items().get(i);
      if (e instanceof Expr.Name n) items[i] = assignTarget(res.refs.get(n));
      else if (e instanceof Expr.TupleLit inner) items[i] = tupleTarget(inner);
      else items[i] = new ItemTarget(e.span(), this, e);
    }
    return new Destructure(t.span(), items);
  }

  /** An item or member inside a destructuring assignment: (xs[0], p.y) = pair. */
  private static final class ItemTarget implements Variables.Target {
    private final StmtNode setter;
    private final Object[] box;

    ItemTarget(Span span, Compiler c, Expr e) {
      this.box = new Object[1];
      Node valueNode = new Node(span) {
        @Override public Object eval(dev.tangent.exec.Frame f) { return box[0]; }
      };
      if (e instanceof Expr.Member m) setter = new Indexes.SetMember(span, c.expr(m.target()), m.name(), null, valueNode);
      else {
        Expr.Index ix = (Expr.Index) e;
        setter = new Indexes.Set(span, c.expr(ix.target()), c.subscripts(ix.subscripts()), null, valueNode);
      }
    }

    @Override public void store(dev.tangent.exec.Frame f, Object value) {
      box[0] = value;
      setter.exec(f);
      box[0] = null;
    }
  }

  private Variables.Target declTarget(Pattern p) {
    if (p instanceof Pattern.Name n) {
      if (n.ignored()) return new Variables.IgnoreTarget();
      Object decl = res.declarations.get(n);
      if (decl instanceof GlobalVar g) return new Variables.GlobalTarget(g.cell);
      Symbol s = (Symbol) decl;
      return boxed(s) ? new Variables.NewCellTarget(s.slot) : new Variables.SlotTarget(s.slot);
    }
    Pattern.Destructure d = (Pattern.Destructure) p;
    Variables.Target[] items = new Variables.Target[d.items().size()];
    for (int i = 0; i < items.length; i++) items[i] = declTarget(d.items().get(i));
    return new Destructure(d.span(), items);
  }

  private Variables.Target assignTarget(VarRef ref) {
    if (ref instanceof VarRef.Local l) {
      return boxed(l.symbol()) ? new Variables.CellTarget(l.symbol().slot) : new Variables.SlotTarget(l.symbol().slot);
    }
    if (ref instanceof VarRef.Upvalue u) return new Variables.UpvalueTarget(u.index());
    if (ref instanceof VarRef.Global g) {
      if (outside != null) outside.global(g.global().name, g.global().cell);
      return new Variables.GlobalTarget(g.global().cell);
    }
    throw new IllegalStateException("not assignable: " + ref);
  }

  // ------------------------------------------------------------------ expressions

  private Node read(Expr.Name n, VarRef ref) {
    Span sp = n.span();
    if (ref instanceof VarRef.Local l) {
      Symbol s = l.symbol();
      return boxed(s) ? new Variables.LocalCellGet(sp, s.slot, s.name) : new Variables.LocalGet(sp, s.slot);
    }
    if (ref instanceof VarRef.Upvalue u) return new Variables.UpvalueGet(sp, u.index(), n.name());
    if (ref instanceof VarRef.Global g) {
      if (outside != null) outside.global(n.name(), g.global().cell);
      return new Variables.GlobalGet(sp, g.global().cell, n.name());
    }
    VarRef.Constant c = (VarRef.Constant) ref;
    if (outside != null) outside.constant(n.name(), c.value());
    return new Literals.Const(sp, c.value());
  }

  Node expr(Expr e) {
    Span sp = e.span();
    if (e instanceof Expr.NumberLit n) return new Literals.Const(sp, n.value());
    if (e instanceof Expr.StringLit s) return new Literals.Const(sp, s.value());
    if (e instanceof Expr.BoolLit b) return new Literals.Const(sp, b.value());
    if (e instanceof Expr.NilLit) return new Literals.Const(sp, Nil.NIL);
    if (e instanceof Expr.Name n) return read(n, res.refs.get(n));
    if (e instanceof Expr.Interpolated s) {
      Object[] parts = new Object[s.parts().size()];
      for (int i = 0; i < parts.length; i++) {
        Object p = s.parts().get(i);
        parts[i] = p instanceof Expr pe ? expr(pe) : p;
      }
      return new Literals.InterpNode(sp, parts);
    }
    if (e instanceof Expr.TupleLit t) return new Literals.TupleNode(sp, exprs(t.items()));
    if (e instanceof Expr.ListLit l) return new Literals.ListNode(sp, exprs(l.items()));
    if (e instanceof Expr.MapLit m) {
      Node[] keys = new Node[m.entries().size()];
      Node[] values = new Node[keys.length];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = expr(m.entries().get(i).key());
        values[i] = expr(m.entries().get(i).value());
      }
      return new Literals.MapNode(sp, keys, values);
    }
    if (e instanceof Expr.Member m) return new Calls.MemberGet(sp, expr(m.target()), m.name().intern());
    if (e instanceof Expr.Call c) return call(c);
    if (e instanceof Expr.Index ix) return new Indexes.Get(sp, expr(ix.target()), subscripts(ix.subscripts()));
    if (e instanceof Expr.Binary b) return Arithmetic.binary(sp, b.op(), expr(b.left()), expr(b.right()));
    if (e instanceof Expr.Unary u) return new Arithmetic.Unary(sp, u.op(), expr(u.operand()));
    if (e instanceof Expr.Logical l) {
      return l.isAnd() ? new Arithmetic.And(sp, expr(l.left()), expr(l.right()))
          : new Arithmetic.Or(sp, expr(l.left()), expr(l.right()));
    }
    if (e instanceof Expr.RangeLit r) return new Literals.RangeNode(sp, expr(r.start()), expr(r.end()), r.inclusive());
    if (e instanceof Expr.In in) return new Arithmetic.In(sp, expr(in.item()), expr(in.container()), in.negated());
    if (e instanceof Expr.Lambda l) return lambda(l.function(), sp);
    if (e instanceof Expr.If i) return ifExpr(i);
    throw new IllegalStateException("unknown expression " + e);
  }

  private Node[] exprs(List<Expr> es) {
    Node[] out = new Node[es.size()];
    for (int i = 0; i < out.length; i++) out[i] = expr(es.get(i));
    return out;
  }

  private Node call(Expr.Call c) {
    List<Expr.Arg> args = c.args();
    Node[] values = new Node[args.size()];
    String[] names = null;
    int nNamed = 0;
    for (Expr.Arg a : args) if (a.name() != null) nNamed++;
    if (nNamed > 0) names = new String[nNamed];
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      values[i] = expr(args.get(i).value());
      if (args.get(i).name() != null) names[k++] = args.get(i).name().intern();
    }
    // Names are interned (as are the built-ins' parameter names): lookups compare them with ==.
    if (c.callee() instanceof Expr.Member m) {
      return new Calls.MethodCall(c.span(), expr(m.target()), m.name().intern(), values, names);
    }
    return new Calls.Call(c.span(), expr(c.callee()), values, names);
  }

  Indexes.Sub[] subscripts(List<Expr.Subscript> subs) {
    Indexes.Sub[] out = new Indexes.Sub[subs.size()];
    for (int i = 0; i < out.length; i++) {
      Expr.Subscript s = subs.get(i);
      if (s instanceof Expr.IndexSub is) {
        out[i] = new Indexes.Sub(expr(is.index()));
      } else {
        Expr.SliceSub sl = (Expr.SliceSub) s;
        out[i] = new Indexes.Sub(sl.lo() == null ? null : expr(sl.lo()), sl.hi() == null ? null : expr(sl.hi()),
            sl.step() == null ? null : expr(sl.step()));
      }
    }
    return out;
  }

  private Node ifExpr(Expr.If i) {
    Control.ValueBlock then = valueBlock(i.then());
    Control.ValueBlock otherwise = null;
    if (i.otherwise() instanceof Block b) otherwise = valueBlock(b);
    else if (i.otherwise() instanceof Expr.If e) otherwise = new Control.ValueBlock(new StmtNode[0], ifExpr(e));
    return new Control.IfExpr(i.span(), expr(i.condition()), then, otherwise);
  }

  private Control.ValueBlock valueBlock(Block b) {
    List<Stmt> stmts = b.statements();
    List<StmtNode> out = new ArrayList<>();
    makeFnCells(stmts, out);
    Node value = null;
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (i == stmts.size() - 1 && s instanceof Stmt.ExprStmt es) {
        value = expr(es.expr());
      } else {
        StmtNode n = stmt(s);
        if (n != null) out.add(n);
      }
    }
    return new Control.ValueBlock(out.toArray(new StmtNode[0]), value);
  }
}
