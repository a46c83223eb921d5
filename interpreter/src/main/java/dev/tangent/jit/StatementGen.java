package dev.tangent.jit;

import dev.tangent.exec.Invoker;
import dev.tangent.ast.Block;
import dev.tangent.ast.FunctionDef;
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

  /** Parameters beyond this many keep the numeric entry away (its arguments are passed one by one). */
  static final int MAX_NUMERIC_PARAMS = 8;

  Invoker generate(JitSource src) throws ReflectiveOperationException {
    ClassWriter cw = startClass();
    FunctionDef def = src.def();
    String entry = arity <= 4 ? "call" + arity : "callN";
    StringBuilder desc = new StringBuilder("(" + CLOSURE_D + CTX_D);
    if (arity <= 4) for (int i = 0; i < arity; i++) desc.append(OBJ_D);
    else desc.append("[" + OBJ_D);
    String entryDesc = desc.append(")" + OBJ_D).toString();

    // Parameters used in arithmetic get a second, numeric entry, taken when the arguments are numbers.
    boolean[] numeric = arity <= MAX_NUMERIC_PARAMS ? NumericTypes.numericallyUsedParams(def, res) : new boolean[arity];
    NumericTypes numericTypes = any(numeric) ? NumericTypes.of(def, res, numeric) : null;
    // The numeric entry doubles the class, and C2's work on it. It pays for a pure numeric body
    // (unboxed returns, direct self calls: fib) or numbers used in a loop (bounds, arithmetic per
    // iteration); a parameter used once in arithmetic among boxed work (the EKF's step(t), whose t
    // is mostly an index) only gains boxing on its other uses: with it, the EKF script's thread CPU
    // was 1.09-1.19 s against main's 0.61-0.90 s in alternated runs (docs/benchmarks.md).
    if (numericTypes != null && !numericTypes.returnsNum && !any(NumericTypes.loopUsedParams(def, res))) numericTypes = null;
    NumericTypes boxedTypes = NumericTypes.of(def, res, new boolean[arity]);
    if (numericTypes == null || !any(numeric)) {
      numParams = new boolean[arity];
      method(cw, entry, entryDesc, boxedTypes, false, src);
    } else {
      numParams = numeric;
      StringBuilder nd = new StringBuilder("(" + CLOSURE_D + CTX_D);
      for (boolean b : numeric) nd.append(b ? "D" : OBJ_D);
      numericDesc = nd.append(")").append(numericTypes.returnsNum ? "D" : OBJ_D).toString();
      method(cw, "boxed", entryDesc, boxedTypes, false, src);
      method(cw, "numeric", numericDesc, numericTypes, true, src);
      dispatcher(cw, entry, entryDesc, numericTypes);
    }
    return define(cw);
  }

  /** A class extending Invoker, with its constructor. */
  private ClassWriter startClass() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
      @Override protected String getCommonSuperClass(String a, String b) {
        return a.equals(b) ? a : OBJ;
      }
    };
    className = "dev/tangent/jit/Compiled" + COUNTER.incrementAndGet();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, INV, null);
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
    return cw;
  }

  /** Defines the class as a hidden class whose class data are the constants, and makes its instance. */
  private Invoker define(ClassWriter cw) throws ReflectiveOperationException {
    cw.visitEnd();
    byte[] bytes = cw.toByteArray();
    JitCompiler.dump(className, bytes);
    MethodHandles.Lookup lookup = MethodHandles.lookup()
        .defineHiddenClassWithClassData(bytes, java.util.Collections.unmodifiableList(new java.util.ArrayList<>(consts)), true);
    Class<?> cls = lookup.lookupClass();
    return (Invoker) cls.getConstructor(FunctionCode.class, Span[].class, Object[].class, int.class)
        .newInstance(code, spans.toArray(new Span[0]), consts.toArray(), arity);
  }

  /**
   * A loop statement of a script on its own (Invoker.runLoop): the variables it declares become
   * JVM locals (unboxed where numeric); those declared outside it stay in the script's frame.
   * Returns null when an outer variable it uses lives in a cell (a closure captured it).
   */
  Invoker generateLoop(Stmt loop) throws ReflectiveOperationException {
    java.util.BitSet own = new java.util.BitSet();
    Walk.statements(List.of(loop), s -> {
      if (s instanceof Stmt.Let let) ownNames(let.pattern(), own);
      else if (s instanceof Stmt.For f) ownNames(f.pattern(), own);
    });
    boolean[] capturedOuter = {false};
    Walk.exprs(List.of(loop), e -> {
      if (e instanceof Expr.Name n && res.refs.get(n) instanceof VarRef.Local l && !own.get(l.symbol().slot)
          && (l.symbol().captured || l.symbol().function != null)) {
        capturedOuter[0] = true;
      }
    });
    if (capturedOuter[0]) return null;
    ClassWriter cw = startClass();
    numericBody = false;
    numParams = new boolean[0];
    String desc = "(" + CLOSURE_D + CTX_D + "Ldev/tangent/exec/Frame;" + OBJ_D + ")" + OBJ_D;
    topLoop = loop;
    NumericTypes numeric = NumericTypes.ofStatement(loop, res, own, scope.slotCount, true);
    if (numeric.promoted.isEmpty()) {
      loopMethod(cw, "runLoop", desc, loop, own, numeric);
    } else {
      loopMethod(cw, "numericLoop", desc, loop, own, numeric);
      NumericTypes boxed = NumericTypes.ofStatement(loop, res, own, scope.slotCount, false);
      loopMethod(cw, "boxedLoop", desc, loop, own, boxed);
      // The entry: the numeric loop when every promoted global holds a number.
      mv = cw.visitMethod(ACC_PUBLIC, "runLoop", desc, null, null);
      mv.visitCode();
      Label boxedEntry = new Label();
      for (dev.tangent.resolve.GlobalVar g : numeric.promoted.keySet()) {
        globalCell(g);
        mv.visitFieldInsn(GETFIELD, CELL, "value", OBJ_D);
        mv.visitTypeInsn(INSTANCEOF, "java/lang/Double");
        mv.visitJumpInsn(IFEQ, boxedEntry);
      }
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitVarInsn(ALOAD, 3);
      mv.visitVarInsn(ALOAD, 4);
      mv.visitMethodInsn(INVOKEVIRTUAL, className, "numericLoop", desc, false);
      mv.visitInsn(ARETURN);
      mv.visitLabel(boxedEntry);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitVarInsn(ALOAD, 2);
      mv.visitVarInsn(ALOAD, 3);
      mv.visitVarInsn(ALOAD, 4);
      mv.visitMethodInsn(INVOKEVIRTUAL, className, "boxedLoop", desc, false);
      mv.visitInsn(ARETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
    return define(cw);
  }

  private void loopMethod(ClassWriter cw, String name, String desc, Stmt loop, java.util.BitSet own, NumericTypes t) {
    types = t;
    loops.clear();
    openIterators.clear();
    mv = new org.objectweb.asm.commons.TryCatchBlockSorter(
        cw.visitMethod(ACC_PUBLIC, name, desc, null, null), ACC_PUBLIC, name, desc, null, null);
    mv.visitCode();
    jvmSlot = new int[scope.slotCount + t.promoted.size()];
    java.util.Arrays.fill(jvmSlot, -1);
    int next = 5;
    for (int k = own.nextSetBit(0); k >= 0; k = own.nextSetBit(k + 1)) {
      jvmSlot[k] = next;
      if (t.isNumSlot(k)) {
        mv.visitInsn(DCONST_0);
        mv.visitVarInsn(DSTORE, next);
        next += 2;
      } else {
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, next);
        next += 1;
      }
    }
    // Promoted globals: read once (the entry checked they hold numbers).
    for (var e : t.promoted.entrySet()) {
      jvmSlot[e.getValue()] = next;
      globalCell(e.getKey());
      mv.visitFieldInsn(GETFIELD, CELL, "value", OBJ_D);
      mv.visitTypeInsn(CHECKCAST, "java/lang/Double");
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Double", "doubleValue", "()D", false);
      mv.visitVarInsn(DSTORE, next);
      next += 2;
    }
    nextTemp = next;
    stmt(loop);
    writeBackGlobals();
    nil();
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Stores the promoted globals a compiled loop assigns back into their cells (boxed as the node tier boxes). */
  @Override void writeBackGlobals() {
    if (types.promoted.isEmpty()) return;
    java.util.Set<dev.tangent.resolve.GlobalVar> assigned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (var g : types.promoted.keySet()) if (g.mutable) assigned.add(g);
    for (var e : types.promoted.entrySet()) {
      if (!assigned.contains(e.getKey())) continue;
      globalCell(e.getKey());
      mv.visitVarInsn(DLOAD, jvmSlot[e.getValue()]);
      box();
      mv.visitFieldInsn(PUTFIELD, CELL, "value", OBJ_D);
    }
  }

  private void ownNames(Pattern p, java.util.BitSet own) {
    if (p instanceof Pattern.Name n) {
      if (!n.ignored() && res.declarations.get(n) instanceof Symbol sym) own.set(sym.slot);
    } else {
      for (Pattern q : ((Pattern.Destructure) p).items()) ownNames(q, own);
    }
  }

  private static boolean any(boolean[] bs) {
    for (boolean b : bs) if (b) return true;
    return false;
  }

  /**
   * One compiled body: the boxed one (every parameter an Object) or the numeric one (parameters
   * marked in numParams arrive as doubles; it returns a double when the body returns only numbers).
   */
  private void method(ClassWriter cw, String name, String desc, NumericTypes t, boolean numeric, JitSource src) {
    types = t;
    numericBody = numeric;
    loops.clear();
    openIterators.clear();
    // Exception tables must list inner handlers first; the sorter orders them by range size.
    mv = new org.objectweb.asm.commons.TryCatchBlockSorter(
        cw.visitMethod(ACC_PUBLIC, name, desc, null, null), ACC_PUBLIC, name, desc, null, null);
    mv.visitCode();
    boolean paramsInArray = !numeric && arity > 4;
    jvmSlot = new int[scope.slotCount];
    int next = paramsInArray ? 4 : 3;
    for (int k = 0; k < scope.slotCount; k++) {
      jvmSlot[k] = next;
      next += t.isNumSlot(k) ? 2 : 1;
    }
    nextTemp = next;
    Label begin = new Label();
    Label end = new Label();
    Label unwind = new Label();
    // One handler for the whole body: it gives back the call depth and turns a JVM stack
    // overflow into the language's error; normal returns give back the depth themselves.
    mv.visitTryCatchBlock(begin, end, unwind, null);
    mv.visitLabel(begin);
    prologue(paramsInArray);
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
  }

  /**
   * The entry call sites reach: the numeric body when every numeric parameter got a number (and,
   * for a body whose self calls return numbers, when its global still holds this function),
   * the boxed body otherwise.
   */
  private void dispatcher(ClassWriter cw, String name, String desc, NumericTypes t) {
    mv = cw.visitMethod(ACC_PUBLIC, name, desc, null, null);
    mv.visitCode();
    Label boxed = new Label();
    for (int i = 0; i < arity; i++) {
      if (!numParams[i]) continue;
      argument(i);
      mv.visitTypeInsn(INSTANCEOF, "java/lang/Double");
      mv.visitJumpInsn(IFEQ, boxed);
    }
    if (t.returnsNum && t.callsSelf) {
      globalCell(t.selfGlobal);
      mv.visitFieldInsn(GETFIELD, CELL, "value", OBJ_D);
      mv.visitInsn(DUP);
      mv.visitTypeInsn(INSTANCEOF, CLOSURE);
      Label isClosure = new Label();
      mv.visitJumpInsn(IFNE, isClosure);
      mv.visitInsn(POP);
      mv.visitJumpInsn(GOTO, boxed);
      mv.visitLabel(isClosure);
      mv.visitTypeInsn(CHECKCAST, CLOSURE);
      mv.visitFieldInsn(GETFIELD, CLOSURE, "code", "L" + CODE + ";");
      constant(code);
      mv.visitJumpInsn(IF_ACMPNE, boxed);
    }
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitVarInsn(ALOAD, 2);
    for (int i = 0; i < arity; i++) {
      argument(i);
      if (numParams[i]) {
        mv.visitTypeInsn(CHECKCAST, "java/lang/Double");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Double", "doubleValue", "()D", false);
      }
    }
    mv.visitMethodInsn(INVOKEVIRTUAL, className, "numeric", numericDesc, false);
    if (t.returnsNum) box();
    mv.visitInsn(ARETURN);
    mv.visitLabel(boxed);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitVarInsn(ALOAD, 2);
    if (arity <= 4) for (int i = 0; i < arity; i++) mv.visitVarInsn(ALOAD, 3 + i);
    else mv.visitVarInsn(ALOAD, 3);
    mv.visitMethodInsn(INVOKEVIRTUAL, className, "boxed", desc, false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Argument i of an entry (from the array beyond four parameters). */
  private void argument(int i) {
    if (arity <= 4) {
      mv.visitVarInsn(ALOAD, 3 + i);
    } else {
      mv.visitVarInsn(ALOAD, 3);
      push(i);
      mv.visitInsn(AALOAD);
    }
  }

  /** Parameters beyond four arrive in an array (boxed body); every other local starts as null or 0. */
  void prologue(boolean paramsInArray) {
    if (paramsInArray) {
      for (int i = 0; i < arity; i++) {
        mv.visitVarInsn(ALOAD, 3);
        push(i);
        mv.visitInsn(AALOAD);
        mv.visitVarInsn(ASTORE, jvmSlot[i]);
      }
    }
    for (int s = arity; s < scope.slotCount; s++) {
      if (types.isNumSlot(s)) {
        mv.visitInsn(DCONST_0);
        mv.visitVarInsn(DSTORE, jvmSlot[s]);
      } else {
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, jvmSlot[s]);
      }
    }
  }

  void body(List<Stmt> stmts) {
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (i == stmts.size() - 1 && s instanceof Stmt.ExprStmt es) {
        if (es.expr() instanceof Expr.If iff) {
          tailIf(iff);
        } else {
          returnValue(es.expr());
          emitReturn();
          return;
        }
      } else {
        stmt(s);
      }
    }
    fallOffTheEnd();
  }

  /** The end of a body returns nil; NumericTypes proved a double-returning body never gets there. */
  void fallOffTheEnd() {
    if (returnsDouble()) {
      mv.visitInsn(ACONST_NULL);
      mv.visitInsn(ATHROW);
    } else {
      nil();
      emitReturn();
    }
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
    if (s instanceof Stmt.Let let && let.pattern() instanceof Pattern.Name pn && numTarget(pn)) {
      numExpr(let.init());
      mv.visitVarInsn(DSTORE, local(symbol(pn)));
    } else if (s instanceof Stmt.Let let) {
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
      if (r.value() != null) returnValue(r.value());
      else nil();
      if (!openIterators.isEmpty()) {
        boolean d = returnsDouble();
        int v = d ? temp2() : temp();
        mv.visitVarInsn(d ? DSTORE : ASTORE, v);
        for (int it : openIterators) closeIterator(it);
        mv.visitVarInsn(d ? DLOAD : ALOAD, v);
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
    boolean given = f == topLoop;   // a compiled loop's own statement: its iterable is the fourth argument
    if (f.iterable() instanceof Expr.RangeLit r) {
      int iterSite = site(r.span());
      int start = temp2();
      int count = temp2();
      int index = temp2();
      if (given) {
        // The node tier evaluated r (a range literal always makes a Range, step 1).
        mv.visitVarInsn(ALOAD, 4);
        mv.visitTypeInsn(CHECKCAST, "dev/tangent/spi/Range");
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, "dev/tangent/spi/Range", "start", "D");
        mv.visitVarInsn(DSTORE, start);
        mv.visitFieldInsn(GETFIELD, "dev/tangent/spi/Range", "length", "J");
      } else {
        rangeBound(r.start(), iterSite);
        mv.visitVarInsn(DSTORE, start);
        mv.visitVarInsn(DLOAD, start);
        rangeBound(r.end(), iterSite);
        mv.visitInsn(r.inclusive() ? ICONST_1 : ICONST_0);
        rt("rangeLength", "(DDZ)J");
      }
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
      if (f.pattern() instanceof Pattern.Name pn && numTarget(pn)) {
        mv.visitVarInsn(DSTORE, local(symbol(pn)));
      } else {
        box();
        storePattern(f.pattern(), site);
      }
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
    if (given) mv.visitVarInsn(ALOAD, 4);
    else expr(f.iterable());
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

  /** A range bound as a double: numeric expressions directly, others checked to be numbers. */
  void rangeBound(Expr e, int site) {
    if (types.isNum(e)) {
      numExpr(e);
    } else {
      expr(e);
      siteArgs(site);
      rt("number", "(" + OBJ_D + SITE + ")D");
    }
  }

  dev.tangent.resolve.Symbol symbol(Pattern.Name pn) {
    return (Symbol) res.declarations.get(pn);
  }

  /** A declared name whose local is an unboxed double. */
  boolean numTarget(Pattern.Name pn) {
    return !pn.ignored() && res.declarations.get(pn) instanceof Symbol sym && numLocal(sym);
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
      if (numLocal(s)) throw new IllegalStateException("a numeric local stored as an object: " + n.name());
      storeLocal(s);
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
    if (target instanceof Expr.Name n && types.isNumLocal(n)) {
      if (a.op() == null) {
        numExpr(a.value());
      } else {
        mv.visitVarInsn(DLOAD, numVar(n));
        numExpr(a.value());
        numOp(a.op());
      }
      mv.visitVarInsn(DSTORE, numVar(n));
    } else if (target instanceof Expr.Name n) {
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
      if (numLocal(l.symbol())) throw new IllegalStateException("a numeric local stored as an object: " + l.symbol().name);
      storeLocal(l.symbol());
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
