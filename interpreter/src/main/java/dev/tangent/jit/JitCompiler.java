package dev.tangent.jit;

import dev.tangent.exec.Invoker;
import dev.tangent.exec.Promotion;
import dev.tangent.spi.BinOp;
import dev.tangent.ast.Block;
import dev.tangent.ast.Expr;
import dev.tangent.ast.Pattern;
import dev.tangent.ast.Stmt;

import dev.tangent.diag.Span;
import dev.tangent.resolve.FnScope;
import dev.tangent.resolve.GlobalVar;
import dev.tangent.resolve.Resolution;
import dev.tangent.resolve.Symbol;
import dev.tangent.resolve.VarRef;
import dev.tangent.exec.FunctionCode;
import java.lang.invoke.MethodHandles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The second tier: compiles one eligible function to a hidden class with a callN method.
 * Values stay boxed (Object) as on the node tier; the gain is that every operation and call
 * site is its own bytecode, so the JIT specialises and inlines per site.
 */
public final class JitCompiler implements Opcodes {
  /** Calls on the node tier before a function is compiled (-Dtangent.jit.threshold=N). */
  public static volatile int threshold = Integer.getInteger("tangent.jit.threshold", 2);

  private static final String OBJ = "java/lang/Object";
  private static final String OBJ_D = "Ljava/lang/Object;";
  private static final String RT = "dev/tangent/jit/Rt";
  private static final String INV = "dev/tangent/exec/Invoker";
  private static final String INV_D = "Ldev/tangent/exec/Invoker;";
  private static final String CLOSURE = "dev/tangent/exec/Closure";
  private static final String CLOSURE_D = "Ldev/tangent/exec/Closure;";
  private static final String CTX = "dev/tangent/spi/Context";
  private static final String CTX_D = "Ldev/tangent/spi/Context;";
  private static final String CELL = "dev/tangent/exec/Cell";
  private static final String CODE = "dev/tangent/exec/FunctionCode";
  private static final String ERR = "dev/tangent/spi/TangentError";
  private static final String ERR_D = "Ldev/tangent/spi/TangentError;";
  private static final String SITE = INV_D + "I";
  private static final AtomicLong COUNTER = new AtomicLong();
  /** -Dtangent.nojit=true keeps everything on the node tier (tests compare both tiers). */
  public static volatile boolean disabled = Boolean.getBoolean("tangent.nojit");

  private final FunctionCode code;
  private final Resolution res;
  private final FnScope scope;
  private final int arity;
  private final List<Span> spans = new ArrayList<>();
  private final List<Object> consts = new ArrayList<>();
  private final Deque<Label[]> loops = new ArrayDeque<>();   // {continue, break}
  /** Locals holding the iterators of the enclosing for loops, innermost first; closed on return. */
  private final Deque<Integer> openIterators = new ArrayDeque<>();
  private MethodVisitor mv;
  private int slotBase;
  private int nextTemp;

  private JitCompiler(FunctionCode code, JitSource src) {
    this.code = code;
    this.res = src.resolution();
    this.scope = src.scope();
    this.arity = src.def().params().size();
  }

  /** The way from the node tier to this one, which exec.FunctionCode takes once the function is hot. */
  public static Promotion promotion(JitSource src) {
    boolean eager = compileEagerly(src.def());
    return new Promotion() {
      @Override public Invoker compile(FunctionCode code) { return JitCompiler.compile(code, src); }
      @Override public boolean eager() { return eager; }
      @Override public int threshold() { return threshold; }
    };
  }

  /** Whether a function goes to this tier on its first call instead of after the threshold. */
  public static boolean compileEagerly(dev.tangent.ast.FunctionDef def) {
    return !disabled && Eligibility.compileEagerly(def);
  }

  /** Compiles the function, or returns null when it must stay on the node tier. */
  public static Invoker compile(FunctionCode code, JitSource src) {
    if (disabled || !Eligibility.check(src.def())) return null;
    try {
      return new JitCompiler(code, src).generate(src);
    } catch (MethodTooLargeException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("bytecode tier failed for " + code.name, e);
    }
  }

  private Invoker generate(JitSource src) throws ReflectiveOperationException {
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
  private void prologue() {
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

  // ------------------------------------------------------------------ helpers

  private int site(Span span) {
    spans.add(span);
    return spans.size() - 1;
  }

  /** Pushes `this, site` for a helper's (Invoker, int) parameters. */
  private void siteArgs(int site) {
    mv.visitVarInsn(ALOAD, 0);
    push(site);
  }

  private void push(int v) {
    if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
    else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
    else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
    else mv.visitLdcInsn(v);
  }

  private void constant(Object v) {
    int idx = -1;
    for (int i = 0; i < consts.size(); i++) {
      Object c = consts.get(i);
      if (c == v || (v instanceof Double && v.equals(c))) {
        idx = i;
        break;
      }
    }
    if (idx < 0) {
      consts.add(v);
      idx = consts.size() - 1;
    }
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, INV, "consts", "[" + OBJ_D);
    push(idx);
    mv.visitInsn(AALOAD);
  }

  private void nil() {
    mv.visitFieldInsn(GETSTATIC, "dev/tangent/spi/Nil", "NIL", "Ldev/tangent/spi/Nil;");
  }

  private int temp() {
    return nextTemp++;
  }

  private int temp2() {
    int t = nextTemp;
    nextTemp += 2;
    return t;
  }

  private void rt(String name, String desc) {
    mv.visitMethodInsn(INVOKESTATIC, RT, name, desc, false);
  }

  /** ctx.depth++, failing with the node tier's "stack overflow" error beyond ctx.maxDepth. */
  private void enterDepth() {
    Label ok = new Label();
    mv.visitVarInsn(ALOAD, 2);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, CTX, "depth", "I");
    mv.visitInsn(ICONST_1);
    mv.visitInsn(IADD);
    mv.visitInsn(DUP_X1);
    mv.visitFieldInsn(PUTFIELD, CTX, "depth", "I");
    mv.visitVarInsn(ALOAD, 2);
    mv.visitFieldInsn(GETFIELD, CTX, "maxDepth", "I");
    mv.visitJumpInsn(IF_ICMPLE, ok);
    mv.visitVarInsn(ALOAD, 0);
    rt("stackOverflow", "(" + INV_D + ")" + ERR_D);
    mv.visitInsn(ATHROW);
    mv.visitLabel(ok);
  }

  /** Returns the value on the stack, giving back this call's depth. */
  private void emitReturn() {
    mv.visitVarInsn(ALOAD, 2);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, CTX, "depth", "I");
    mv.visitInsn(ICONST_1);
    mv.visitInsn(ISUB);
    mv.visitFieldInsn(PUTFIELD, CTX, "depth", "I");
    mv.visitInsn(ARETURN);
  }

  private void budget(int site) {
    Label ok = new Label();
    mv.visitVarInsn(ALOAD, 2);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, CTX, "budget", "I");
    mv.visitInsn(ICONST_1);
    mv.visitInsn(ISUB);
    mv.visitInsn(DUP_X1);
    mv.visitFieldInsn(PUTFIELD, CTX, "budget", "I");
    mv.visitJumpInsn(IFGE, ok);
    mv.visitVarInsn(ALOAD, 2);
    siteArgs(site);
    rt("poll", "(" + CTX_D + SITE + ")V");
    mv.visitLabel(ok);
  }

  private void objectArray(List<Expr> items) {
    push(items.size());
    mv.visitTypeInsn(ANEWARRAY, OBJ);
    for (int i = 0; i < items.size(); i++) {
      mv.visitInsn(DUP);
      push(i);
      expr(items.get(i));
      mv.visitInsn(AASTORE);
    }
  }

  private void tempArray(int[] temps) {
    push(temps.length);
    mv.visitTypeInsn(ANEWARRAY, OBJ);
    for (int i = 0; i < temps.length; i++) {
      mv.visitInsn(DUP);
      push(i);
      mv.visitVarInsn(ALOAD, temps[i]);
      mv.visitInsn(AASTORE);
    }
  }

  private void stringArray(List<String> xs) {
    if (xs == null) {
      mv.visitInsn(ACONST_NULL);
      return;
    }
    push(xs.size());
    mv.visitTypeInsn(ANEWARRAY, "java/lang/String");
    for (int i = 0; i < xs.size(); i++) {
      mv.visitInsn(DUP);
      push(i);
      mv.visitLdcInsn(xs.get(i));
      mv.visitInsn(AASTORE);
    }
  }

  private void getEnum(String owner, String name) {
    mv.visitFieldInsn(GETSTATIC, owner, name, "L" + owner + ";");
  }

  // ------------------------------------------------------------------ statements

  private void body(List<Stmt> stmts) {
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

  private void tailIf(Expr.If i) {
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

  private void block(List<Stmt> stmts) {
    for (Stmt s : stmts) stmt(s);
  }

  private void stmt(Stmt s) {
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

  private void ifStmt(Expr.If i) {
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

  private void forLoop(Stmt.For f) {
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

  private void closeIterator(int it) {
    mv.visitVarInsn(ALOAD, it);
    rt("close", "(Ljava/util/Iterator;)V");
  }

  /** Stores the value on the stack into a declaration pattern's locals. */
  private void storePattern(Pattern p, int site) {
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

  private void assign(Stmt.Assign a) {
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
  private void storeTuple(Expr.TupleLit t, int site) {
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
  private void storeRef(VarRef ref) {
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

  private void globalCell(GlobalVar g) {
    constant(g.cell);
    mv.visitTypeInsn(CHECKCAST, CELL);
  }

  // ------------------------------------------------------------------ expressions

  private void read(Expr.Name n, VarRef ref) {
    if (ref instanceof VarRef.Local l) {
      mv.visitVarInsn(ALOAD, slotBase + l.symbol().slot);
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

  private void expr(Expr e) {
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

  /** A block used for its value: its statements, then its final expression (or nil). */
  private void valueBlock(Block b) {
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

  private void binaryOp(BinOp op, int site) {
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
  private void cond(Expr e) {
    if (e instanceof Expr.Binary b && b.op().isComparison()) {
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
  private void logicOperand(Expr e) {
    if ((e instanceof Expr.Binary b && b.op().isComparison()) || e instanceof Expr.Logical || e instanceof Expr.BoolLit) {
      cond(e);
    } else {
      expr(e);
      siteArgs(site(e.span()));
      rt("logicOperand", "(" + OBJ_D + SITE + ")Z");
    }
  }

  private void subscripts(List<Expr.Subscript> subs) {
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

  private void optional(Expr e) {
    if (e == null) mv.visitInsn(ACONST_NULL);
    else expr(e);
  }

  private void call(Expr.Call c) {
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

}
