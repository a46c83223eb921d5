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
  /** -Dtangent.jit.loops=off keeps script loops on the node tier (to measure what compiling them does). */
  static final boolean LOOPS = !"off".equals(System.getProperty("tangent.jit.loops"));

  /** -Dtangent.jit.dump=DIR writes each compiled class there (for javap), named after its function. */
  static final String DUMP = System.getProperty("tangent.jit.dump");

  static void dump(String className, byte[] bytes) {
    if (DUMP == null) return;
    try {
      java.nio.file.Path dir = java.nio.file.Path.of(DUMP);
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(className.substring(className.lastIndexOf('/') + 1) + ".class"), bytes);
    } catch (java.io.IOException e) {
      System.err.println("tangent.jit.dump: " + e.getMessage());
    }
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

  /**
   * The way to this tier for a loop statement of a script (top-level code runs once, so a long
   * loop there would otherwise stay on the node tier): compiled when it first runs; null when
   * the loop is not eligible.
   */
  public static Promotion loopPromotion(dev.tangent.ast.Stmt loop, dev.tangent.resolve.Resolution res,
      dev.tangent.resolve.FnScope script) {
    if (!Eligibility.checkLoop(loop) || !LOOPS) return null;
    return new Promotion() {
      @Override public Invoker compile(FunctionCode scriptCode) {
        if (disabled) return null;
        try {
          return new StatementGen(scriptCode, new JitSource(null, res, script)).generateLoop(loop);
        } catch (MethodTooLargeException e) {
          return null;
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("bytecode tier failed for a loop of " + scriptCode.name, e);
        }
      }
      @Override public boolean eager() { return true; }
      @Override public int threshold() { return 1; }
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
