package dev.tangent.exec;

import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.Types;
import dev.tangent.spi.TangentError;

/** A user function value: compiled code plus the cells it captured. */
public final class Closure implements Callable {
  public final FunctionCode code;
  public final Cell[] upvalues;
  /** Parameter type annotations (null entries where none), checked on each call. */
  public final TypeLike[] paramTypes;

  public Closure(FunctionCode code, Cell[] upvalues, TypeLike[] paramTypes) {
    this.code = code;
    this.upvalues = upvalues;
    this.paramTypes = paramTypes;
  }

  @Override public Object call(Context ctx, Object[] args, String[] names) {
    Invoker inv = code.invoker();
    if (inv != null && names == null && args.length == inv.arity) {
      if (paramTypes != null) checkTypes(args);
      return inv.call(this, ctx, args);
    }
    Frame f = code.bind(this, ctx, args, names);
    if (paramTypes != null) checkTypes(f.slots);
    return code.run(f);
  }

  /** Checks annotated parameters; slots hold the bound (possibly boxed) arguments. */
  public void checkTypes(Object[] slots) {
    for (int i = 0; i < paramTypes.length; i++) {
      TypeLike t = paramTypes[i];
      if (t == null) continue;
      Object v = slots[i] instanceof Cell cell && code.boxedParams[i] ? cell.value : slots[i];
      if (!t.isInstance(v)) {
        throw TangentError.runtime(code.name + "(): argument '" + code.paramNames[i] + "' must be "
            + t.typeName() + ", got " + Types.typeName(v));
      }
    }
  }

  @Override public String name() { return code.name; }
  @Override public String signature() { return code.signatureText; }
  @Override public String doc() { return code.doc; }
  @Override public boolean userDefined() { return true; }

  @Override public String toString() { return "<fn " + code.signatureText + ">"; }
}
