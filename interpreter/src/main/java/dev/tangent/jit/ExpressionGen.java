package dev.tangent.jit;

import dev.tangent.spi.BinOp;
import dev.tangent.ast.Block;
import dev.tangent.ast.Expr;
import dev.tangent.ast.Stmt;
import dev.tangent.resolve.GlobalVar;
import dev.tangent.resolve.VarRef;
import dev.tangent.exec.FunctionCode;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;

/**
 * Expressions of the bytecode tier: each leaves its value (boxed, as on the node tier) on the
 * operand stack; conditions leave JVM booleans.
 */
abstract class ExpressionGen extends Emitter {
  ExpressionGen(FunctionCode code, JitSource src) {
    super(code, src);
  }

  void read(Expr.Name n, VarRef ref) {
    if (types.numSlot(n) >= 0) {
      mv.visitVarInsn(DLOAD, numVar(n));
      box();
    } else if (ref instanceof VarRef.Local l) {
      loadLocal(l.symbol());
    } else if (ref instanceof VarRef.Upvalue u) {
      mv.visitVarInsn(ALOAD, 1);
      push(u.index());
      siteArgs(site(n.span()));
      rt("upvalue", "(" + CLOSURE_D + "I" + SITE + ")" + OBJ_D);
    } else if (ref instanceof VarRef.Global g) {
      globalCell(g.global());
      siteArgs(site(n.span()));
      rt("global", "(L" + CELL + ";" + SITE + ")" + OBJ_D);
    } else {
      constant(((VarRef.Constant) ref).value());
    }
  }

  void expr(Expr e) {
    if (!(e instanceof Expr.NumberLit) && !(e instanceof Expr.Name) && types.isNum(e)) {
      numExpr(e);
      box();
      return;
    }
    if (types.isNumComparison(e)) {
      cond(e);
      rt("bool", "(Z)" + OBJ_D);
      return;
    }
    if (e instanceof Expr.NumberLit n) {
      constant(n.value());
    } else if (e instanceof Expr.StringLit s) {
      mv.visitLdcInsn(s.value());
    } else if (e instanceof Expr.BoolLit b) {
      mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", b.value() ? "TRUE" : "FALSE", "Ljava/lang/Boolean;");
    } else if (e instanceof Expr.NilLit) {
      nil();
    } else if (e instanceof Expr.Name n) {
      read(n, res.refs.get(n));
    } else if (e instanceof Expr.Interpolated s) {
      mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
      for (Object p : s.parts()) {
        if (p instanceof String str) {
          mv.visitLdcInsn(str);
        } else {
          expr((Expr) p);
          rt("str", "(" + OBJ_D + ")Ljava/lang/String;");
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
      }
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
    } else if (e instanceof Expr.TupleLit t) {
      objectArray(t.items());
      rt("tuple", "([" + OBJ_D + ")" + OBJ_D);
    } else if (e instanceof Expr.ListLit l) {
      objectArray(l.items());
      rt("list", "([" + OBJ_D + ")" + OBJ_D);
    } else if (e instanceof Expr.MapLit m) {
      List<Expr> keys = new ArrayList<>();
      List<Expr> values = new ArrayList<>();
      for (Expr.MapEntry en : m.entries()) {
        keys.add(en.key());
        values.add(en.value());
      }
      objectArray(keys);
      objectArray(values);
      siteArgs(site(m.span()));
      rt("map", "([" + OBJ_D + "[" + OBJ_D + SITE + ")" + OBJ_D);
    } else if (e instanceof Expr.Member m) {
      expr(m.target());
      mv.visitLdcInsn(m.name());
      mv.visitVarInsn(ALOAD, 2);
      siteArgs(site(m.span()));
      rt("member", "(" + OBJ_D + "Ljava/lang/String;" + CTX_D + SITE + ")" + OBJ_D);
    } else if (e instanceof Expr.Call c) {
      call(c);
    } else if (e instanceof Expr.Index ix) {
      expr(ix.target());
      subscripts(ix.subscripts());
      siteArgs(site(ix.span()));
      rt("index", "(" + OBJ_D + "[" + OBJ_D + SITE + ")" + OBJ_D);
    } else if (e instanceof Expr.Binary b) {
      if (b.op().isComparison()) {
        getEnum("dev/tangent/spi/BinOp", b.op().name());
        expr(b.left());
        expr(b.right());
        siteArgs(site(b.span()));
        rt("binary", "(Ldev/tangent/spi/BinOp;" + OBJ_D + OBJ_D + SITE + ")" + OBJ_D);
      } else {
        expr(b.left());
        expr(b.right());
        binaryOp(b.op(), site(b.span()));
      }
    } else if (e instanceof Expr.Unary u) {
      getEnum("dev/tangent/spi/UnOp", u.op().name());
      expr(u.operand());
      siteArgs(site(u.span()));
      rt("unary", "(Ldev/tangent/spi/UnOp;" + OBJ_D + SITE + ")" + OBJ_D);
    } else if (e instanceof Expr.Logical) {
      cond(e);
      rt("bool", "(Z)" + OBJ_D);
    } else if (e instanceof Expr.RangeLit r) {
      expr(r.start());
      expr(r.end());
      mv.visitInsn(r.inclusive() ? ICONST_1 : ICONST_0);
      siteArgs(site(r.span()));
      rt("range", "(" + OBJ_D + OBJ_D + "Z" + SITE + ")" + OBJ_D);
    } else if (e instanceof Expr.In in) {
      expr(in.item());
      expr(in.container());
      mv.visitInsn(in.negated() ? ICONST_1 : ICONST_0);
      siteArgs(site(in.span()));
      rt("in", "(" + OBJ_D + OBJ_D + "Z" + SITE + ")" + OBJ_D);
    } else if (e instanceof Expr.If i) {
      Label otherwise = new Label();
      Label end = new Label();
      cond(i.condition());
      mv.visitJumpInsn(IFEQ, otherwise);
      valueBlock(i.then());
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(otherwise);
      if (i.otherwise() instanceof Block b) valueBlock(b);
      else if (i.otherwise() instanceof Expr.If other) expr(other);
      else nil();
      mv.visitLabel(end);
    } else {
      throw new IllegalStateException("not compilable: " + e);
    }
  }

  /** Leaves the double value of an expression NumericTypes found numeric. */
  void numExpr(Expr e) {
    if (e instanceof Expr.NumberLit n) {
      pushDouble(n.value());
    } else if (e instanceof Expr.Name n) {
      mv.visitVarInsn(DLOAD, numVar(n));
    } else if (e instanceof Expr.Binary b) {
      numExpr(b.left());
      numExpr(b.right());
      numOp(b.op());
    } else if (e instanceof Expr.Unary u) {
      numExpr(u.operand());
      if (u.op() == dev.tangent.spi.UnOp.NEG) mv.visitInsn(DNEG);
    } else if (e instanceof Expr.Call c) {
      selfCall(c);
    } else if (e instanceof Expr.If i) {
      Label otherwise = new Label();
      Label end = new Label();
      cond(i.condition());
      mv.visitJumpInsn(IFEQ, otherwise);
      numValueBlock(i.then());
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(otherwise);
      if (i.otherwise() instanceof Block b) numValueBlock(b);
      else numExpr((Expr) i.otherwise());
      mv.visitLabel(end);
    } else {
      throw new IllegalStateException("not numeric: " + e);
    }
  }

  /** The arithmetic of Operators.numeric on two doubles on the stack. */
  void numOp(BinOp op) {
    switch (op) {
      case ADD: mv.visitInsn(DADD); break;
      case SUB: mv.visitInsn(DSUB); break;
      case MUL: mv.visitInsn(DMUL); break;
      case DIV: mv.visitInsn(DDIV); break;
      case FLOORDIV:
        mv.visitInsn(DDIV);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "floor", "(D)D", false);
        break;
      case MOD: mv.visitMethodInsn(INVOKESTATIC, "dev/tangent/spi/Operators", "mod", "(DD)D", false); break;
      case POW: mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "pow", "(DD)D", false); break;
      default: throw new IllegalStateException("not arithmetic: " + op);
    }
  }

  /** A comparison of two doubles on the stack, leaving 0 or 1; NaN compares false except with !=. */
  void numCompare(BinOp op) {
    Label no = new Label();
    Label end = new Label();
    switch (op) {
      case LT: mv.visitInsn(DCMPG); mv.visitJumpInsn(IFGE, no); break;
      case LE: mv.visitInsn(DCMPG); mv.visitJumpInsn(IFGT, no); break;
      case GT: mv.visitInsn(DCMPL); mv.visitJumpInsn(IFLE, no); break;
      case GE: mv.visitInsn(DCMPL); mv.visitJumpInsn(IFLT, no); break;
      case EQ: mv.visitInsn(DCMPL); mv.visitJumpInsn(IFNE, no); break;
      case NE: mv.visitInsn(DCMPL); mv.visitJumpInsn(IFEQ, no); break;
      default: throw new IllegalStateException("not a comparison: " + op);
    }
    mv.visitInsn(ICONST_1);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(no);
    mv.visitInsn(ICONST_0);
    mv.visitLabel(end);
  }

  /** A value block whose final expression is numeric: its statements, then that double. */
  void numValueBlock(Block b) {
    List<Stmt> stmts = b.statements();
    for (int i = 0; i < stmts.size() - 1; i++) stmt(stmts.get(i));
    numExpr(((Stmt.ExprStmt) stmts.get(stmts.size() - 1)).expr());
  }

  /**
   * A call of the function to itself (NumericTypes.isSelfCall) from its numeric entry: when the
   * global still holds this function, its numeric entry is called directly with unboxed numbers;
   * otherwise the general call. Leaves a double when self calls are numeric, else an Object.
   */
  void selfCall(Expr.Call c) {
    int site = site(c.span());
    boolean numResult = types.isNum(c);
    int fn = temp();
    expr(c.callee());
    mv.visitVarInsn(ASTORE, fn);
    int[] args = new int[c.args().size()];
    for (int i = 0; i < args.length; i++) {
      Expr v = c.args().get(i).value();
      if (numParams[i]) {
        args[i] = temp2();
        numExpr(v);
        mv.visitVarInsn(DSTORE, args[i]);
      } else {
        args[i] = temp();
        expr(v);
        mv.visitVarInsn(ASTORE, args[i]);
      }
    }
    Label slow = new Label();
    Label done = new Label();
    mv.visitVarInsn(ALOAD, fn);
    mv.visitTypeInsn(INSTANCEOF, CLOSURE);
    mv.visitJumpInsn(IFEQ, slow);
    mv.visitVarInsn(ALOAD, fn);
    mv.visitTypeInsn(CHECKCAST, CLOSURE);
    mv.visitFieldInsn(GETFIELD, CLOSURE, "code", "L" + CODE + ";");
    constant(code);
    mv.visitJumpInsn(IF_ACMPNE, slow);
    Label tryStart = new Label();
    Label tryEnd = new Label();
    Label handler = new Label();
    mv.visitTryCatchBlock(tryStart, tryEnd, handler, ERR);
    mv.visitLabel(tryStart);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, fn);
    mv.visitTypeInsn(CHECKCAST, CLOSURE);
    mv.visitVarInsn(ALOAD, 2);
    for (int i = 0; i < args.length; i++) mv.visitVarInsn(numParams[i] ? DLOAD : ALOAD, args[i]);
    mv.visitMethodInsn(INVOKEVIRTUAL, className, "numeric", numericDesc, false);
    if (types.returnsNum && !numResult) box();
    mv.visitLabel(tryEnd);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(handler);
    int err = temp();
    mv.visitVarInsn(ASTORE, err);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, err);
    push(site);
    mv.visitMethodInsn(INVOKEVIRTUAL, INV, "at", "(" + ERR_D + "I)" + ERR_D, false);
    mv.visitInsn(ATHROW);
    mv.visitLabel(slow);
    mv.visitVarInsn(ALOAD, fn);
    push(args.length);
    mv.visitTypeInsn(ANEWARRAY, OBJ);
    for (int i = 0; i < args.length; i++) {
      mv.visitInsn(DUP);
      push(i);
      mv.visitVarInsn(numParams[i] ? DLOAD : ALOAD, args[i]);
      if (numParams[i]) box();
      mv.visitInsn(AASTORE);
    }
    mv.visitInsn(ACONST_NULL);
    mv.visitVarInsn(ALOAD, 2);
    siteArgs(site);
    rt("call", "(" + OBJ_D + "[" + OBJ_D + "[Ljava/lang/String;" + CTX_D + SITE + ")" + OBJ_D);
    if (numResult) {
      siteArgs(site);
      rt("unboxSelfCall", "(" + OBJ_D + SITE + ")D");
    }
    mv.visitLabel(done);
  }

  /** A block used for its value: its statements, then its final expression (or nil). */
  void valueBlock(Block b) {
    List<Stmt> stmts = b.statements();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (i == stmts.size() - 1 && s instanceof Stmt.ExprStmt es) {
        expr(es.expr());
        return;
      }
      stmt(s);
    }
    nil();
  }

  void binaryOp(BinOp op, int site) {
    String fast;
    switch (op) {
      case ADD: fast = "add"; break;
      case SUB: fast = "sub"; break;
      case MUL: fast = "mul"; break;
      case DIV: fast = "div"; break;
      default: fast = null;
    }
    if (fast != null) {
      siteArgs(site);
      rt(fast, "(" + OBJ_D + OBJ_D + SITE + ")" + OBJ_D);
      return;
    }
    int b = temp();
    int a = temp();
    mv.visitVarInsn(ASTORE, b);
    mv.visitVarInsn(ASTORE, a);
    getEnum("dev/tangent/spi/BinOp", op.name());
    mv.visitVarInsn(ALOAD, a);
    mv.visitVarInsn(ALOAD, b);
    siteArgs(site);
    rt("binary", "(Ldev/tangent/spi/BinOp;" + OBJ_D + OBJ_D + SITE + ")" + OBJ_D);
  }

  /** Leaves a JVM boolean (0/1) for a condition. */
  void cond(Expr e) {
    if (e instanceof Expr.Binary b && types.isNumComparison(b)) {
      numExpr(b.left());
      numExpr(b.right());
      numCompare(b.op());
    } else if (e instanceof Expr.Binary b && b.op().isComparison()) {
      if (b.op() == BinOp.LT) {
        expr(b.left());
        expr(b.right());
        siteArgs(site(b.span()));
        rt("lt", "(" + OBJ_D + OBJ_D + SITE + ")Z");
      } else {
        getEnum("dev/tangent/spi/BinOp", b.op().name());
        expr(b.left());
        expr(b.right());
        siteArgs(site(b.span()));
        rt("compare", "(Ldev/tangent/spi/BinOp;" + OBJ_D + OBJ_D + SITE + ")Z");
      }
    } else if (e instanceof Expr.Logical l) {
      Label shortCut = new Label();
      Label end = new Label();
      logicOperand(l.left());
      mv.visitJumpInsn(l.isAnd() ? IFEQ : IFNE, shortCut);
      logicOperand(l.right());
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(shortCut);
      mv.visitInsn(l.isAnd() ? ICONST_0 : ICONST_1);
      mv.visitLabel(end);
    } else if (e instanceof Expr.BoolLit b) {
      mv.visitInsn(b.value() ? ICONST_1 : ICONST_0);
    } else {
      expr(e);
      siteArgs(site(e.span()));
      rt("truth", "(" + OBJ_D + SITE + ")Z");
    }
  }

  /** An operand of and/or: comparisons and nested logic compile to jumps, others must be Bool. */
  void logicOperand(Expr e) {
    if ((e instanceof Expr.Binary b && b.op().isComparison()) || e instanceof Expr.Logical || e instanceof Expr.BoolLit) {
      cond(e);
    } else {
      expr(e);
      siteArgs(site(e.span()));
      rt("logicOperand", "(" + OBJ_D + SITE + ")Z");
    }
  }

  void subscripts(List<Expr.Subscript> subs) {
    push(subs.size());
    mv.visitTypeInsn(ANEWARRAY, OBJ);
    for (int i = 0; i < subs.size(); i++) {
      mv.visitInsn(DUP);
      push(i);
      Expr.Subscript s = subs.get(i);
      if (s instanceof Expr.IndexSub is) {
        expr(is.index());
      } else {
        Expr.SliceSub sl = (Expr.SliceSub) s;
        optional(sl.lo());
        optional(sl.hi());
        optional(sl.step());
        rt("slice", "(" + OBJ_D + OBJ_D + OBJ_D + ")" + OBJ_D);
      }
      mv.visitInsn(AASTORE);
    }
  }

  void optional(Expr e) {
    if (e == null) mv.visitInsn(ACONST_NULL);
    else expr(e);
  }

  void call(Expr.Call c) {
    if (numericBody && types.isSelfCall(c)) {
      selfCall(c);
      return;
    }
    int site = site(c.span());
    List<Expr> values = new ArrayList<>();
    List<String> names = null;
    for (Expr.Arg a : c.args()) {
      values.add(a.value());
      if (a.name() != null) {
        if (names == null) names = new ArrayList<>();
        names.add(a.name());
      }
    }
    if (c.callee() instanceof Expr.Member m) {
      expr(m.target());
      mv.visitLdcInsn(m.name());
      objectArray(values);
      stringArray(names);
      mv.visitVarInsn(ALOAD, 2);
      siteArgs(site);
      rt("method", "(" + OBJ_D + "Ljava/lang/String;[" + OBJ_D + "[Ljava/lang/String;" + CTX_D + SITE + ")" + OBJ_D);
      return;
    }
    int fn = temp();
    expr(c.callee());
    mv.visitVarInsn(ASTORE, fn);
    int[] args = new int[values.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = temp();
      expr(values.get(i));
      mv.visitVarInsn(ASTORE, args[i]);
    }
    Label slow = new Label();
    Label done = new Label();
    if (names == null && args.length <= 4) {
      int inv = temp();
      mv.visitVarInsn(ALOAD, fn);
      mv.visitTypeInsn(INSTANCEOF, CLOSURE);
      mv.visitJumpInsn(IFEQ, slow);
      mv.visitVarInsn(ALOAD, fn);
      mv.visitTypeInsn(CHECKCAST, CLOSURE);
      mv.visitFieldInsn(GETFIELD, CLOSURE, "paramTypes", "[Ldev/tangent/spi/TypeLike;");
      mv.visitJumpInsn(IFNONNULL, slow);
      mv.visitVarInsn(ALOAD, fn);
      mv.visitTypeInsn(CHECKCAST, CLOSURE);
      mv.visitFieldInsn(GETFIELD, CLOSURE, "code", "L" + CODE + ";");
      mv.visitFieldInsn(GETFIELD, CODE, "compiled", INV_D);
      mv.visitInsn(DUP);
      mv.visitVarInsn(ASTORE, inv);
      mv.visitJumpInsn(IFNULL, slow);
      mv.visitVarInsn(ALOAD, inv);
      mv.visitFieldInsn(GETFIELD, INV, "arity", "I");
      push(args.length);
      mv.visitJumpInsn(IF_ICMPNE, slow);
      Label tryStart = new Label();
      Label tryEnd = new Label();
      Label handler = new Label();
      mv.visitTryCatchBlock(tryStart, tryEnd, handler, ERR);
      mv.visitLabel(tryStart);
      mv.visitVarInsn(ALOAD, inv);
      mv.visitVarInsn(ALOAD, fn);
      mv.visitTypeInsn(CHECKCAST, CLOSURE);
      mv.visitVarInsn(ALOAD, 2);
      StringBuilder desc = new StringBuilder("(" + CLOSURE_D + CTX_D);
      for (int a : args) {
        mv.visitVarInsn(ALOAD, a);
        desc.append(OBJ_D);
      }
      desc.append(")" + OBJ_D);
      mv.visitMethodInsn(INVOKEVIRTUAL, INV, "call" + args.length, desc.toString(), false);
      mv.visitLabel(tryEnd);
      mv.visitJumpInsn(GOTO, done);
      mv.visitLabel(handler);
      int err = temp();
      mv.visitVarInsn(ASTORE, err);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, err);
      push(site);
      mv.visitMethodInsn(INVOKEVIRTUAL, INV, "at", "(" + ERR_D + "I)" + ERR_D, false);
      mv.visitInsn(ATHROW);
    }
    mv.visitLabel(slow);
    mv.visitVarInsn(ALOAD, fn);
    tempArray(args);
    stringArray(names);
    mv.visitVarInsn(ALOAD, 2);
    siteArgs(site);
    rt("call", "(" + OBJ_D + "[" + OBJ_D + "[Ljava/lang/String;" + CTX_D + SITE + ")" + OBJ_D);
    mv.visitLabel(done);
  }

  /** One statement (StatementGen). */
  abstract void stmt(Stmt s);

  /** Pushes a global's cell. */
  void globalCell(GlobalVar g) {
    constant(g.cell);
    mv.visitTypeInsn(CHECKCAST, CELL);
  }
}
