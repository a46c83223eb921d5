package dev.tangent.api;

import dev.tangent.spi.Interop;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Permissions;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedding API.
 * <pre>
 *   Tangent t = Tangent.builder().output(writer).allowRead(dataDir).build();
 *   t.set("x", 2.0);
 *   Object y = t.eval("x ^ 10");               // 1024.0
 *   Script s = t.compile("x * 2");             // compile once
 *   s.run();                                   // run many times
 *   t.call("f", 1.0, 2.0);                     // call a script function
 *   t.interrupt();                             // from another thread
 * </pre>
 * An embedded interpreter may not read or write files, run processes or reach Java classes
 * unless the builder grants it. The builder also sets limits: a time limit per evaluation, a
 * ceiling on the size of one tensor or collection, modules it may not import, and where native
 * libraries are unpacked (docs/embedding.md).
 */
public final class Tangent {
  private final Interpreter interp;

  private Tangent(Interpreter interp) {
    this.interp = interp;
  }

  /** A sandboxed interpreter printing to System.out. */
  public static Tangent create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    private Writer err = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
    private Permissions permissions = Permissions.none();
    private final java.util.List<String> imports = new java.util.ArrayList<>();
    private dev.tangent.spi.Limits limits = dev.tangent.spi.Limits.NONE;

    public Builder output(Writer w) { this.out = w; return this; }
    public Builder errors(Writer w) { this.err = w; return this; }
    public Builder permissions(Permissions p) { this.permissions = p; return this; }
    public Builder allowRead(Path dir) { permissions.allowRead(dir); return this; }
    public Builder allowReadWrite(Path dir) { permissions.allowReadWrite(dir); return this; }
    public Builder allowProcesses() { permissions.allowProcesses(); return this; }
    public Builder allowJava() { permissions.allowJava(); return this; }
    /** Imports a module up front, as `import name` would. */
    public Builder importModule(String name) { imports.add(name); return this; }

    /**
     * Stops any evaluation (eval, evalFile, Script.run, call) that runs longer than {@code limit}
     * with a runtime error "time limit of ... exceeded". It reaches every loop and built-in that
     * polls the interrupt; a native kernel that cannot be stopped is stopped when it returns.
     */
    public Builder timeLimit(java.time.Duration limit) { limits = limits.withTimeLimit(limit); return this; }

    /** The largest tensor (elements) or list/string (items) one operation may allocate. */
    public Builder maxElements(long n) { limits = limits.withMaxElements(n); return this; }

    /** Refuses `import name` (and `from name import ...`) with a static error, e.g. "nn". */
    public Builder refuseImport(String... modules) {
      for (String m : modules) limits = limits.withRefusedImport(m);
      return this;
    }

    /**
     * Where ND4J (JavaCPP) and PyTorch (DJL) unpack their native libraries, instead of
     * ~/.javacpp/cache and ~/.djl.ai. JVM-wide: natives load once per process, so it must be set
     * before the first interpreter that uses large tensors or nn, and the first setting wins.
     */
    public Builder nativeLibraryDir(Path dir) {
      dev.tangent.spi.NativeLibraries.useDirectory(dir);
      return this;
    }

    public Tangent build() {
      Interpreter i = new Interpreter(printer(out), printer(err), permissions);
      i.context().limits = limits;
      for (String m : imports) {
        if (!i.importModule(m)) throw new IllegalArgumentException("no module named " + m);
      }
      return new Tangent(i);
    }

    private static PrintWriter printer(Writer w) {
      return w instanceof PrintWriter p ? p : new PrintWriter(w, true);
    }
  }

  public Interpreter interpreter() { return interp; }

  /** Evaluates code; returns the value of its last expression converted to Java. */
  public Object eval(String code) {
    return Interop.toJava(evalRaw(code));
  }

  /** Evaluates code; returns the Tangent value itself. */
  public Object evalRaw(String code) {
    return interp.eval(new SourceFile("<eval>", code), false);
  }

  /** Evaluates a file (it must be readable under this interpreter's permissions). */
  public Object evalFile(Path file) throws IOException {
    try {
      interp.context().permissions.checkRead(file);
    } catch (TangentError e) {
      throw new TangentException(e);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return Interop.toJava(interp.eval(new SourceFile(file.toString(), text), false));
  }

  public Script compile(String code) {
    return new Script(this, interp.compile(new SourceFile("<eval>", code), false, true));
  }

  /** Sets a global from a Java value (double, String, List, Map, double[][], ...). */
  public void set(String name, Object javaValue) {
    interp.setGlobal(name, Interop.toTangent(javaValue));
  }

  /** A global converted to Java, or null when it is nil or not defined. */
  public Object get(String name) {
    return Interop.toJava(interp.getGlobal(name));
  }

  /** Calls a script function by name with Java arguments; returns its result converted to Java. */
  public Object call(String function, Object... args) {
    Object fn = interp.getGlobal(function);
    if (fn == null) fn = interp.environment().imports.get(function);
    if (fn == null) fn = interp.environment().prelude.get(function);
    if (!(fn instanceof Callable c)) {
      throw new TangentException(TangentError.runtime(function + " is not a function"));
    }
    Object[] values = new Object[args.length];
    for (int i = 0; i < args.length; i++) values[i] = Interop.toTangent(args[i]);
    return Interop.toJava(interp.callValue(c, values));
  }

  /** Redirects print() output. */
  public void setOutput(Writer w) {
    interp.context().out = w instanceof PrintWriter p ? p : new PrintWriter(w, true);
  }

  /** Stops the evaluation running in another thread; it fails with an "interrupted" error. */
  public void interrupt() {
    interp.interrupt();
  }
}
