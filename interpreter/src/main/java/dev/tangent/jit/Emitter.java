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

  final FunctionCode code;
  final Resolution res;
  final FnScope scope;
  final int arity;
  final List<Span> spans = new ArrayList<>();
  final List<Object> consts = new ArrayList<>();
  final Deque<Label[]> loops = new ArrayDeque<>();   // {continue, break}
  /** Locals holding the iterators of the enclosing for loops, innermost first; closed on return. */
  final Deque<Integer> openIterators = new ArrayDeque<>();
  MethodVisitor mv;
  int slotBase;
  int nextTemp;

  Emitter(FunctionCode code, JitSource src) {
    this.code = code;
    this.res = src.resolution();
    this.scope = src.scope();
    this.arity = src.def().params().size();
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
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, INV, "consts", "[" + OBJ_D);
    push(idx);
    mv.visitInsn(AALOAD);
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

  /** Returns the value on the stack, giving back this call's depth. */
  void emitReturn() {
    mv.visitVarInsn(ALOAD, 2);
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, CTX, "depth", "I");
    mv.visitInsn(ICONST_1);
    mv.visitInsn(ISUB);
    mv.visitFieldInsn(PUTFIELD, CTX, "depth", "I");
    mv.visitInsn(ARETURN);
  }

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

  /** Leaves the value of an expression on the stack (ExpressionGen). */
  abstract void expr(Expr e);
}
