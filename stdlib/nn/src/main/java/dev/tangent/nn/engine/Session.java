package dev.tangent.nn.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.spi.Context;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The nn state of one interpreter: array managers per device, the default device and the random
 * stream. Random arrays are drawn from libtorch's generator re-seeded from (seed, counter), so
 * the whole random state is two numbers that a checkpoint can store and restore exactly.
 */
public final class Session {
  private final Map<Device, NDManager> managers = new HashMap<>();
  private final Set<String> warned = new HashSet<>();
  private final Context ctx;
  private Device device = Device.cpu();
  private long seed;
  private long counter;

  private Session(Context ctx) {
    this.ctx = ctx;
    Djl.engine();
  }

  /** The session of this interpreter; also the safe point where dead arrays are freed. */
  public static Session of(Context ctx) {
    Session s = ctx.state(Session.class, () -> new Session(ctx));
    Grad.initThread();
    Memory.drain();
    return s;
  }

  public Context ctx() { return ctx; }

  public NDManager manager() { return manager(device); }

  public synchronized NDManager manager(Device d) {
    return managers.computeIfAbsent(d, k -> Djl.engine().newBaseManager(k));
  }

  public Device device() { return device; }

  public void setDevice(Device d) { device = d; }

  public void seed(long s) {
    seed = s;
    counter = 0;
  }

  public long seed() { return seed; }

  public long counter() { return counter; }

  public void restoreRandom(long s, long c) {
    seed = s;
    counter = c;
  }

  /** Re-seeds libtorch's generator for the next random draw. */
  private void reseed() {
    JniUtils.setSeed(mix(seed, counter++));
  }

  public NDArray uniform(Shape shape, double lo, double hi, DataType dt, Device d) {
    reseed();
    return manager(d).randomUniform((float) lo, (float) hi, shape, dt);
  }

  public NDArray normal(Shape shape, double mean, double std, DataType dt, Device d) {
    reseed();
    return manager(d).randomNormal((float) mean, (float) std, shape, dt);
  }

  /** SplitMix64's finaliser: nearby (seed, counter) pairs give unrelated seeds. */
  public static long mix(long seed, long counter) {
    long z = seed * 0x9E3779B97F4A7C15L + counter + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }

  public void warnOnce(String key, String message) {
    if (warned.add(key)) {
      ctx.err.println(message);
      ctx.err.flush();
    }
  }
}
