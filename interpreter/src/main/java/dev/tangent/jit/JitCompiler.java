package dev.tangent.jit;

import dev.tangent.exec.Invoker;
import dev.tangent.exec.Promotion;
import dev.tangent.exec.FunctionCode;
import org.objectweb.asm.MethodTooLargeException;

/**
 * The second tier: compiles one eligible function to a hidden class with a callN method.
 * Values stay boxed (Object) as on the node tier; the gain is that every operation and call
 * site is its own bytecode, so the JIT specialises and inlines per site. The work is split by
 * what is emitted: {@link Emitter} (state and shared helpers), {@link ExpressionGen},
 * {@link StatementGen} (and the class around the function).
 */
public final class JitCompiler {
  private JitCompiler() {}

  /** Calls on the node tier before a function is compiled (-Dtangent.jit.threshold=N). */
  public static volatile int threshold = Integer.getInteger("tangent.jit.threshold", 2);

  /** -Dtangent.nojit=true keeps everything on the node tier (tests compare both tiers). */
  public static volatile boolean disabled = Boolean.getBoolean("tangent.nojit");

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
      return new StatementGen(code, src).generate(src);
    } catch (MethodTooLargeException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("bytecode tier failed for " + code.name, e);
    }
  }
}
