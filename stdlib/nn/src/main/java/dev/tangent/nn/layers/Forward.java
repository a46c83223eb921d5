package dev.tangent.nn.layers;

import ai.djl.ndarray.NDArray;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.Types;
import java.util.Map;

/**
 * What one forward pass carries besides its input: the session (random stream for dropout) and
 * the optional activation hooks (a cache that records named activations, and script functions
 * that may replace them), as TransformerLens's run_with_cache and run_with_hooks.
 */
public final class Forward {
  public final Session session;
  private final Map<String, NDArray> cache;
  private final Map<String, Callable> hooks;
  /** Whether this pass records gradients (its inputs or the model's parameters require them). */
  private final boolean tracking;

  public Forward(Session session, boolean tracking) {
    this(session, null, null, tracking);
  }

  public Forward(Session session, Map<String, NDArray> cache, Map<String, Callable> hooks, boolean tracking) {
    this.session = session;
    this.cache = cache;
    this.hooks = hooks;
    this.tracking = tracking;
  }

  /** An intermediate activation as a script value. */
  public DTensor wrap(NDArray x) {
    return DTensor.result(x, tracking);
  }

  public Context ctx() { return session.ctx(); }

  /** Passes an activation through the hook point {@code name}. */
  public NDArray hook(String name, NDArray x) {
    if (hooks != null) {
      Callable fn = hooks.get(name);
      if (fn != null) {
        Object r = fn.call(ctx(), new Object[] {wrap(x), name}, null);
        if (r instanceof DTensor d) {
          if (!d.shape().equals(x.getShape())) {
            throw TangentError.runtime("hook '" + name + "' returned shape " + d.shape() + ", expected " + x.getShape());
          }
          x = d.nd();
        } else if (!(r instanceof dev.tangent.spi.Nil)) {
          throw TangentError.runtime("hook '" + name + "' must return a DTensor or nil, got " + Types.typeName(r));
        }
      }
    }
    if (cache != null) cache.put(name, x);
    return x;
  }

  public boolean hooked() { return cache != null || hooks != null; }
}
