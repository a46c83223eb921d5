package dev.tangent.jit;

import dev.tangent.exec.Invoker;
import dev.tangent.ast.Block;
import dev.tangent.ast.Expr;
import dev.tangent.ast.Pattern;
import dev.tangent.ast.Stmt;
import dev.tangent.diag.Span;
import dev.tangent.resolve.Symbol;
import dev.tangent.resolve.VarRef;
import dev.tangent.exec.FunctionCode;
import java.lang.invoke.MethodHandles;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Statements of the bytecode tier and the function around them: the class with its callN method,
 * the prologue, loops, assignments and returns.
 */
final class StatementGen extends ExpressionGen {
  StatementGen(FunctionCode code, JitSource src) {
    super(code, src);
  }

  Invoker generate(JitSource src) throws ReflectiveOperationException {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
      @Override protected String getCommonSuperClass(String a, String b) {
        return a.equals(b) ? a : OBJ;
      }
    };
    String name = "dev/tangent/jit/Compiled" + COUNTER.incrementAndGet();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, INV, null);
    String ctorDesc = "(L" + CODE + ";[Ldev/tangent/diag/Span;[" + OBJ_D + "I)V";
    MethodVisitor ctor = cw.visitMethod(ACC_PUBLIC, "<init>", ctorDesc, null, null);
    ctor.visitCode();
    ctor.visitVarInsn(ALOAD, 0);
    ctor.visitVarInsn(ALOAD, 1);
    ctor.visitVarInsn(ALOAD, 2);
    ctor.visitVarInsn(ALOAD, 3);
    ctor.visitVarInsn(ILOAD, 4);
    ctor.visitMethodInsn(INVOKESPECIAL, INV, "<init>", ctorDesc, false);
    ctor.visitInsn(RETURN);
    ctor.visitMaxs(0, 0);
    ctor.visitEnd();

    String method;
    StringBuilder desc = new StringBuilder("(" + CLOSURE_D + CTX_D);
    if (arity <= 4) {
      method = "call" + arity;
      for (int i = 0; i < arity; i++) desc.append(OBJ_D);
      slotBase = 3;
    } else {
      method = "callN";
      desc.append("[" + OBJ_D);
      slotBase = 4;
    }
    desc.append(")" + OBJ_D);
    // Exception tables must list inner handlers first; the sorter orders them by range size.
    mv = new org.objectweb.asm.commons.TryCatchBlockSorter(
        cw.visitMethod(ACC_PUBLIC, method, desc.toString(), null, null), ACC_PUBLIC, method, desc.toString(), null, null);
    mv.visitCode();
    nextTemp = slotBase + scope.slotCount;
    Label begin = new Label();
    Label end = new Label();
    Label unwind = new Label();
    // One handler for the whole body: it gives back the call depth and turns a JVM stack
    // overflow into the language's error; normal returns give back the depth themselves.
    mv.visitTryCatchBlock(begin, end, unwind, null);
    mv.visitLabel(begin);
    prologue();
    enterDepth();
    int entry = site(src.def().span());
    budget(entry);
    body(src.def().body().statements());
    mv.visitLabel(end);
    mv.visitLabel(unwind);
    int thrown = temp();
    mv.visitVarInsn(ASTORE, thrown);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 2);
    mv.visitVarInsn(ALOAD, thrown);
    mv.visitMethodInsn(INVOKESTATIC, RT, "unwind", "(" + INV_D + CTX_D + "Ljava/lang/Throwable;)Ljava/lang/Throwable;", false);
    mv.visitInsn(ATHROW);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();

    MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(cw.toByteArray(), true);
    Class<?> cls = lookup.lookupClass();
    return (Invoker) cls.getConstructor(FunctionCode.class, Span[].class, Object[].class, int.class)
        .newInstance(code, spans.toArray(new Span[0]), consts.toArray(), arity);
  }

  /** Parameters beyond four arrive in an array; every other local starts as null. */
  void prologue() {
    if (arity > 4) {
      for (int i = 0; i < arity; i++) {
        mv.visitVarInsn(ALOAD, 3);
        push(i);
        mv.visitInsn(AALOAD);
        mv.visitVarInsn(ASTORE, slotBase + i);
      }
    }
    for (int s = arity; s < scope.slotCount; s++) {
      mv.visitInsn(ACONST_NULL);
      mv.visitVarInsn(ASTORE, slotBase + s);
    }
  }

  void body(List<Stmt> stmts) {
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (i == stmts.size() - 1 && s instanceof Stmt.ExprStmt es) {
        if (es.expr() instanceof Expr.If iff) {
          tailIf(iff);
        } else {
          expr(es.expr());
          emitReturn();
          return;
        }
      } else {
        stmt(s);
      }
    }
    nil();
    emitReturn();
  }

  void tailIf(Expr.If i) {
    Label otherwise = new Label();
    Label end = new Label();
    cond(i.condition());
    mv.visitJumpInsn(IFEQ, otherwise);
    body(i.then().statements());
    mv.visitLabel(otherwise);
    if (i.otherwise() instanceof Block b) body(b.statements());
    else if (i.otherwise() instanceof Expr.If e) tailIf(e);
    mv.visitLabel(end);
  }

  void block(List<Stmt> stmts) {
    for (Stmt s : stmts) stmt(s);
  }

  @Override void stmt(Stmt s) {
    if (s instanceof Stmt.Let let) {
      if (let.init() != null) expr(let.init());
      else nil();
      if (let.type() != null && let.pattern() instanceof Pattern.Name pn) {
        expr(res.typeExprs.get(let.type()));
        mv.visitLdcInsn(pn.name());
        siteArgs(site(let.span()));
        rt("checkType", "(" + OBJ_D + OBJ_D + "Ljava/lang/String;" + SITE + ")" + OBJ_D);
      }
      storePattern(let.pattern(), site(let.span()));
    } else if (s instanceof Stmt.Assign a) {
      assign(a);
    } else if (s instanceof Stmt.ExprStmt es) {
      if (es.expr() instanceof Expr.If i) {
        ifStmt(i);
      } else {
        expr(es.expr());
        mv.visitInsn(POP);
      }
    } else if (s instanceof Stmt.While w) {
      Label top = new Label();
      Label exit = new Label();
      int site = site(w.span());
      mv.visitLabel(top);
      cond(w.condition());
      mv.visitJumpInsn(IFEQ, exit);
      budget(site);
      loops.push(new Label[] {top, exit});
      block(w.body().statements());
      loops.pop();
      mv.visitJumpInsn(GOTO, top);
      mv.visitLabel(exit);
    } else if (s instanceof Stmt.For f) {
      forLoop(f);
    } else if (s instanceof Stmt.Break) {
      mv.visitJumpInsn(GOTO, loops.peek()[1]);
    } else if (s instanceof Stmt.Continue) {
      mv.visitJumpInsn(GOTO, loops.peek()[0]);
    } else if (s instanceof Stmt.Return r) {
      if (r.value() != null) expr(r.value());
      else nil();
      if (!openIterators.isEmpty()) {
        int v = temp();
        mv.visitVarInsn(ASTORE, v);
        for (int it : openIterators) closeIterator(it);
        mv.visitVarInsn(ALOAD, v);
      }
      emitReturn();
    } else {
      throw new IllegalStateException("not compilable: " + s);
    }
  }

  void ifStmt(Expr.If i) {
    Label otherwise = new Label();
    Label end = new Label();
    cond(i.condition());
    mv.visitJumpInsn(IFEQ, otherwise);
    block(i.then().statements());
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(otherwise);
    if (i.otherwise() instanceof Block b) block(b.statements());
    else if (i.otherwise() instanceof Expr.If e) ifStmt(e);
    mv.visitLabel(end);
  }

  void forLoop(Stmt.For f) {
    int site = site(f.span());
    Label top = new Label();
    Label next = new Label();
    Label exit = new Label();
    if (f.iterable() instanceof Expr.RangeLit r) {
      int iterSite = site(r.span());
      int start = temp2();
      int count = temp2();
      int index = temp2();
      expr(r.start());
      siteArgs(iterSite);
      rt("number", "(" + OBJ_D + SITE + ")D");
      mv.visitVarInsn(DSTORE, start);
      mv.visitVarInsn(DLOAD, start);
      expr(r.end());
      siteArgs(iterSite);
      rt("number", "(" + OBJ_D + SITE + ")D");
      mv.visitInsn(r.inclusive() ? ICONST_1 : ICONST_0);
      rt("rangeLength", "(DDZ)J");
      mv.visitVarInsn(LSTORE, count);
      mv.visitInsn(LCONST_0);
      mv.visitVarInsn(LSTORE, index);
      mv.visitLabel(top);
      mv.visitVarInsn(LLOAD, index);
      mv.visitVarInsn(LLOAD, count);
      mv.visitInsn(LCMP);
      mv.visitJumpInsn(IFGE, exit);
      budget(site);
      mv.visitVarInsn(DLOAD, start);
      mv.visitVarInsn(LLOAD, index);
      mv.visitInsn(L2D);
      mv.visitInsn(DADD);
      mv.visitMethodInsn(INVOKESTATIC, "dev/tangent/spi/Num", "box", "(D)Ljava/lang/Double;", false);
      storePattern(f.pattern(), site);
      loops.push(new Label[] {next, exit});
      block(f.body().statements());
      loops.pop();
      mv.visitLabel(next);
      mv.visitVarInsn(LLOAD, index);
      mv.visitInsn(LCONST_1);
      mv.visitInsn(LADD);
      mv.visitVarInsn(LSTORE, index);
      mv.visitJumpInsn(GOTO, top);
      mv.visitLabel(exit);
      return;
    }
    int it = temp();
    expr(f.iterable());
    siteArgs(site(f.iterable().span()));
    rt("iterator", "(" + OBJ_D + SITE + ")Ljava/util/Iterator;");
    mv.visitVarInsn(ASTORE, it);
    // Like the node tier's try/finally: the iterator is closed however the loop ends.
    Label tryStart = new Label();
    Label tryEnd = new Label();
    Label handler = new Label();
    Label after = new Label();
    mv.visitTryCatchBlock(tryStart, tryEnd, handler, null);
    mv.visitLabel(tryStart);
    mv.visitLabel(top);
    mv.visitVarInsn(ALOAD, it);
    mv.visitMethodInsn(INVOKEINTERFACE, "java/util/Iterator", "hasNext", "()Z", true);
    mv.visitJumpInsn(IFEQ, exit);
    budget(site);
    mv.visitVarInsn(ALOAD, it);
    mv.visitMethodInsn(INVOKEINTERFACE, "java/util/Iterator", "next", "()" + OBJ_D, true);
    storePattern(f.pattern(), site);
    loops.push(new Label[] {top, exit});
    openIterators.push(it);
    block(f.body().statements());
    openIterators.pop();
    loops.pop();
    mv.visitJumpInsn(GOTO, top);
    mv.visitLabel(tryEnd);
    mv.visitLabel(exit);
    closeIterator(it);
    mv.visitJumpInsn(GOTO, after);
    mv.visitLabel(handler);
    int thrown = temp();
    mv.visitVarInsn(ASTORE, thrown);
    closeIterator(it);
    mv.visitVarInsn(ALOAD, thrown);
    mv.visitInsn(ATHROW);
    mv.visitLabel(after);
  }

  void closeIterator(int it) {
    mv.visitVarInsn(ALOAD, it);
    rt("close", "(Ljava/util/Iterator;)V");
  }

  /** Stores the value on the stack into a declaration pattern's locals. */
  void storePattern(Pattern p, int site) {
    if (p instanceof Pattern.Name n) {
      if (n.ignored()) {
        mv.visitInsn(POP);
        return;
      }
      Symbol s = (Symbol) res.declarations.get(n);
      mv.visitVarInsn(ASTORE, slotBase + s.slot);
      return;
    }
    Pattern.Destructure d = (Pattern.Destructure) p;
    push(d.items().size());
    siteArgs(site(d.span()));
    rt("destructure", "(" + OBJ_D + "I" + SITE + ")[" + OBJ_D);
    int arr = temp();
    mv.visitVarInsn(ASTORE, arr);
    for (int i = 0; i < d.items().size(); i++) {
      mv.visitVarInsn(ALOAD, arr);
      push(i);
      mv.visitInsn(AALOAD);
      storePattern(d.items().get(i), site);
    }
  }

  void assign(Stmt.Assign a) {
    int site = site(a.span());
    Expr target = a.target();
    if (target instanceof Expr.Name n) {
      VarRef ref = res.refs.get(n);
      if (a.op() == null) expr(a.value());
      else {
        read(n, ref);
        expr(a.value());
        binaryOp(a.op(), site);
      }
      storeRef(ref);
    } else if (target instanceof Expr.Member m) {
      int obj = temp();
      expr(m.target());
      mv.visitVarInsn(ASTORE, obj);
      if (a.op() == null) {
        expr(a.value());
      } else {
        mv.visitVarInsn(ALOAD, obj);
        mv.visitLdcInsn(m.name());
        mv.visitVarInsn(ALOAD, 2);
        siteArgs(site);
        rt("member", "(" + OBJ_D + "Ljava/lang/String;" + CTX_D + SITE + ")" + OBJ_D);
        expr(a.value());
        binaryOp(a.op(), site);
      }
      int val = temp();
      mv.visitVarInsn(ASTORE, val);
      mv.visitVarInsn(ALOAD, obj);
      mv.visitLdcInsn(m.name());
      mv.visitVarInsn(ALOAD, val);
      siteArgs(site);
      rt("setMember", "(" + OBJ_D + "Ljava/lang/String;" + OBJ_D + SITE + ")V");
    } else if (target instanceof Expr.Index ix) {
      int obj = temp();
      int subs = temp();
      expr(ix.target());
      mv.visitVarInsn(ASTORE, obj);
      subscripts(ix.subscripts());
      mv.visitVarInsn(ASTORE, subs);
      if (a.op() == null) {
        expr(a.value());
      } else {
        mv.visitVarInsn(ALOAD, obj);
        mv.visitVarInsn(ALOAD, subs);
        siteArgs(site);
        rt("index", "(" + OBJ_D + "[" + OBJ_D + SITE + ")" + OBJ_D);
        expr(a.value());
        binaryOp(a.op(), site);
      }
      int val = temp();
      mv.visitVarInsn(ASTORE, val);
      mv.visitVarInsn(ALOAD, obj);
      mv.visitVarInsn(ALOAD, subs);
      mv.visitVarInsn(ALOAD, val);
      siteArgs(site);
      rt("setIndex", "(" + OBJ_D + "[" + OBJ_D + OBJ_D + SITE + ")V");
    } else {
      expr(a.value());
      storeTuple((Expr.TupleLit) target, site);
    }
  }

  /** (a, xs[0], p.y) = value on the stack. */
  void storeTuple(Expr.TupleLit t, int site) {
    push(t.items().size());
    siteArgs(site);
    rt("destructure", "(" + OBJ_D + "I" + SITE + ")[" + OBJ_D);
    int arr = temp();
    mv.visitVarInsn(ASTORE, arr);
    for (int i = 0; i < t.items().size(); i++) {
      Expr e = t.items().get(i);
      if (e instanceof Expr.Name n) {
        mv.visitVarInsn(ALOAD, arr);
        push(i);
        mv.visitInsn(AALOAD);
        storeRef(res.refs.get(n));
      } else if (e instanceof Expr.TupleLit inner) {
        mv.visitVarInsn(ALOAD, arr);
        push(i);
        mv.visitInsn(AALOAD);
        storeTuple(inner, site);
      } else if (e instanceof Expr.Member m) {
        expr(m.target());
        mv.visitLdcInsn(m.name());
        mv.visitVarInsn(ALOAD, arr);
        push(i);
        mv.visitInsn(AALOAD);
        siteArgs(site);
        rt("setMember", "(" + OBJ_D + "Ljava/lang/String;" + OBJ_D + SITE + ")V");
      } else {
        Expr.Index ix = (Expr.Index) e;
        expr(ix.target());
        subscripts(ix.subscripts());
        mv.visitVarInsn(ALOAD, arr);
        push(i);
        mv.visitInsn(AALOAD);
        siteArgs(site);
        rt("setIndex", "(" + OBJ_D + "[" + OBJ_D + OBJ_D + SITE + ")V");
      }
    }
  }

  /** Stores the value on the stack into a resolved variable. */
  void storeRef(VarRef ref) {
    if (ref instanceof VarRef.Local l) {
      mv.visitVarInsn(ASTORE, slotBase + l.symbol().slot);
    } else if (ref instanceof VarRef.Upvalue u) {
      int v = temp();
      mv.visitVarInsn(ASTORE, v);
      mv.visitVarInsn(ALOAD, 1);
      push(u.index());
      mv.visitVarInsn(ALOAD, v);
      rt("setUpvalue", "(" + CLOSURE_D + "I" + OBJ_D + ")V");
    } else if (ref instanceof VarRef.Global g) {
      int v = temp();
      mv.visitVarInsn(ASTORE, v);
      globalCell(g.global());
      mv.visitVarInsn(ALOAD, v);
      mv.visitFieldInsn(PUTFIELD, CELL, "value", OBJ_D);
    } else {
      throw new IllegalStateException("not assignable: " + ref);
    }
  }

}
