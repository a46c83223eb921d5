package dev.tangent.spi;

/** x.method taken as a value: the built-in with its receiver filled in. */
public final class BoundMethod implements Callable {
  public final Object receiver;
  public final Builtin method;

  public BoundMethod(Object receiver, Builtin method) {
    this.receiver = receiver;
    this.method = method;
  }

  @Override public Object call(Context ctx, Object[] args, String[] names) {
    Object[] all = new Object[args.length + 1];
    all[0] = receiver;
    System.arraycopy(args, 0, all, 1, args.length);
    return method.call(ctx, all, names);
  }

  @Override public String name() { return method.name(); }
  @Override public String signature() { return method.signature(); }
  @Override public String doc() { return method.doc(); }
}
