package dev.tangent.jit;

import dev.tangent.exec.Invoker;
import dev.tangent.ast.Expr;
import dev.tangent.diag.Span;
import dev.tangent.resolve.FnScope;
import dev.tangent.resolve.Resolution;
import dev.tangent.exec.FunctionCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The bytecode tier's method under construction: the state of one compiled function (its
 * method visitor, call sites, constants, locals, enclosing loops) and the small emitting helpers
 * that statements and expressions share.
 */
abstract class Emitter implements Opcodes {
  static final String OBJ = "java/lang/Object";
  static final String OBJ_D = "Ljava/lang/Object;";
  static final String RT = "dev/tangent/jit/Rt";
  static final String INV = "dev/tangent/exec/Invoker";
  static final String INV_D = "Ldev/tangent/exec/Invoker;";
  static final String CLOSURE = "dev/tangent/exec/Closure";
  static final String CLOSURE_D = "Ldev/tangent/exec/Closure;";
  static final String CTX = "dev/tangent/spi/Context";
  static final String CTX_D = "Ldev/tangent/spi/Context;";
  static final String CELL = "dev/tangent/exec/Cell";
  static final String CODE = "dev/tangent/exec/FunctionCode";
  static final String ERR = "dev/tangent/spi/TangentError";
  static final String ERR_D = "Ldev/tangent/spi/TangentError;";
  static final String SITE = INV_D + "I";
  static final AtomicLong COUNTER = new AtomicLong();
  /** Constants are the hidden class's class data, loaded with ldc: true constants for the JIT. */
  static final Handle CLASS_DATA_AT = new Handle(H_INVOKESTATIC, "java/lang/invoke/MethodHandles", "classDataAt",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;", false);

  final FunctionCode code;
  final Resolution res;
  final FnScope scope;
  final int arity;
  final List<Span> spans = new ArrayList<>();
  final List<Object> consts = new ArrayList<>();
  final Deque<Label[]> loops = new ArrayDeque<>();   // {continue, break}
  /** Locals holding the iterators of the enclosing for loops, innermost first; closed on return. */
  final Deque<Integer> openIterators = new ArrayDeque<>();
  /** The class being generated (its own methods are called by name). */
  String className;
  MethodVisitor mv;
  int nextTemp;
  /** Per method: which locals are unboxed doubles, and the JVM local of each frame slot. */
  NumericTypes types;
  int[] jvmSlot;
  /** The statement a compiled loop is made of (its iterable arrives evaluated); null for functions. */
  dev.tangent.ast.Stmt topLoop;
  /** Per method: whether it is the numeric entry, and that entry's descriptor. */
  boolean numericBody;
  String numericDesc;
  /** The parameters the numeric entry takes as doubles. */
  boolean[] numParams;

  Emitter(FunctionCode code, JitSource src) {
    this.code = code;
    this.res = src.resolution();
    this.scope = src.scope();
    this.arity = src.def() == null ? 0 : src.def().params().size();
  }

  int site(Span span) {
    spans.add(span);
    return spans.size() - 1;
  }

  /** Pushes `this, site` for a helper's (Invoker, int) parameters. */
  void siteArgs(int site) {
    mv.visitVarInsn(ALOAD, 0);
    push(site);
  }

  void push(int v) {
    if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
    else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
    else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
    else mv.visitLdcInsn(v);
  }

  void constant(Object v) {
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
    mv.visitLdcInsn(new ConstantDynamic("_", OBJ_D, CLASS_DATA_AT, idx));
  }

  /** Boxes the double on the stack as arithmetic results are boxed on the node tier. */
  void box() {
    mv.visitMethodInsn(INVOKESTATIC, "dev/tangent/spi/Num", "box", "(D)Ljava/lang/Double;", false);
  }

  void pushDouble(double d) {
    if (d == 0.0 && 1 / d > 0) mv.visitInsn(DCONST_0);
    else if (d == 1.0) mv.visitInsn(DCONST_1);
    else mv.visitLdcInsn(d);
  }

  /** The JVM local of a frame slot (doubles take two); -1 for a compiled loop's outer variables. */
  int local(dev.tangent.resolve.Symbol s) {
    return jvmSlot[s.slot];
  }

  /** Pushes an object local: a JVM local, or in a compiled loop a slot of the script's frame. */
  void loadLocal(dev.tangent.resolve.Symbol s) {
    int j = jvmSlot[s.slot];
    if (j >= 0) {
      mv.visitVarInsn(ALOAD, j);
    } else {
      frameSlots();
      push(s.slot);
      mv.visitInsn(AALOAD);
    }
  }

  /** Stores the object on the stack into a local (see loadLocal). */
  void storeLocal(dev.tangent.resolve.Symbol s) {
    int j = jvmSlot[s.slot];
    if (j >= 0) {
      mv.visitVarInsn(ASTORE, j);
    } else {
      int v = temp();
      mv.visitVarInsn(ASTORE, v);
      frameSlots();
      push(s.slot);
      mv.visitVarInsn(ALOAD, v);
      mv.visitInsn(AASTORE);
    }
  }

  /** The script frame's slots (a compiled loop's third parameter is the frame). */
  private void frameSlots() {
    mv.visitVarInsn(ALOAD, 3);
    mv.visitFieldInsn(GETFIELD, "dev/tangent/exec/Frame", "slots", "[" + OBJ_D);
  }

  /** The JVM local of a numeric variable (a local, or a global a compiled loop promoted). */
  int numVar(Expr.Name n) {
    return jvmSlot[types.numSlot(n)];
  }

  boolean numLocal(dev.tangent.resolve.Symbol s) {
    return types.isNumSlot(s.slot);
  }

  void nil() {
    mv.visitFieldInsn(GETSTATIC, "dev/tangent/spi/Nil", "NIL", "Ldev/tangent/spi/Nil;");
  }

  int temp() {
    return nextTemp++;
  }

  int temp2() {
    int t = nextTemp;
    nextTemp += 2;
    return t;
  }

  void rt(String name, String desc) {
    mv.visitMethodInsn(INVOKESTATIC, RT, name, desc, false);
  }

  /** ctx.depth++, failing with the node tier's "stack overflow" error beyond ctx.maxDepth. */
  void enterDepth() {
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

  /** Whether this method returns a double (the numeric entry of a body that returns only numbers). */
  boolean returnsDouble() {
    return numericBody && types.returnsNum;
  }

  /** Returns the value on the stack (a double where returnsDouble), giving back this call's depth. */
  void emitReturn() {
    mv.visitVarInsn(ALOAD, 2);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, CTX, "depth", "I");
    mv.visitInsn(ICONST_1);
    mv.visitInsn(ISUB);
    mv.visitFieldInsn(PUTFIELD, CTX, "depth", "I");
    mv.visitInsn(returnsDouble() ? DRETURN : ARETURN);
  }

  /** Pushes a return value in this method's representation. */
  void returnValue(Expr e) {
    if (returnsDouble()) numExpr(e);
    else expr(e);
  }

  /** The double of a numeric expression (ExpressionGen). */
  abstract void numExpr(Expr e);

  void budget(int site) {
    Label ok = new Label();
    mv.visitVarInsn(ALOAD, 2);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, CTX, "budget", "I");
    mv.visitInsn(ICONST_1);
    mv.visitInsn(ISUB);
    mv.visitInsn(DUP_X1);
    mv.visitFieldInsn(PUTFIELD, CTX, "budget", "I");
    mv.visitJumpInsn(IFGE, ok);
    writeBackGlobals();
    mv.visitVarInsn(ALOAD, 2);
    siteArgs(site);
    rt("poll", "(" + CTX_D + SITE + ")V");
    mv.visitLabel(ok);
  }

  void objectArray(List<Expr> items) {
    push(items.size());
    mv.visitTypeInsn(ANEWARRAY, OBJ);
    for (int i = 0; i < items.size(); i++) {
      mv.visitInsn(DUP);
      push(i);
      expr(items.get(i));
      mv.visitInsn(AASTORE);
    }
  }

  void tempArray(int[] temps) {
    push(temps.length);
    mv.visitTypeInsn(ANEWARRAY, OBJ);
    for (int i = 0; i < temps.length; i++) {
      mv.visitInsn(DUP);
      push(i);
      mv.visitVarInsn(ALOAD, temps[i]);
      mv.visitInsn(AASTORE);
    }
  }

  void stringArray(List<String> xs) {
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

  void getEnum(String owner, String name) {
    mv.visitFieldInsn(GETSTATIC, owner, name, "L" + owner + ";");
  }

  /** Before a compiled loop may stop (the interrupt poll): its promoted globals go back to their cells. */
  void writeBackGlobals() {}

  /** Leaves the value of an expression on the stack (ExpressionGen). */
  abstract void expr(Expr e);
}
