package dev.tangent.lie.bench;

import dev.tangent.lie.kernel.SE3;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SE(3) kernels, one element at a time, as manif's benchmark/ measures them (ns per call).
 * Inputs cycle through 1024 random elements stored contiguously (element k at offset 7k), so the
 * JIT cannot fold them and the offset API is what gets measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class Se3KernelBench {
  static final int N = 1024;
  static final SE3 G = SE3.G;

  final double[] xs = new double[7 * N];
  final double[] ys = new double[7 * N];
  final double[] taus = new double[6 * N];
  final double[] ps = new double[3 * N];
  final double[] out = new double[7];
  final double[] tau = new double[6];
  final double[] pt = new double[3];
  final double[] ja = new double[36];
  final double[] jb = new double[36];
  final double[] jx = new double[18];
  final double[] jp = new double[9];
  int i;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(42);
    for (int k = 0; k < N; k++) {
      G.random(rng, xs, 7 * k);
      G.random(rng, ys, 7 * k);
      G.randomTangent(rng, taus, 6 * k);
      for (int d = 0; d < 3; d++) ps[3 * k + d] = 2 * rng.nextDouble() - 1;
    }
  }

  int next() {
    i = (i + 1) & (N - 1);
    return i;
  }

  /** The harness alone: the index step and a returned array, to subtract from the figures below. */
  @Benchmark
  public double[] baseline() {
    int k = next();
    out[0] = k;
    return out;
  }

  @Benchmark
  public double[] compose() {
    int k = next();
    G.compose(xs, 7 * k, ys, 7 * k, out, 0, null, 0, null, 0);
    return out;
  }

  @Benchmark
  public double[] composeJac() {
    int k = next();
    G.compose(xs, 7 * k, ys, 7 * k, out, 0, ja, 0, jb, 0);
    return ja;
  }

  @Benchmark
  public double[] exp() {
    int k = next();
    G.exp(taus, 6 * k, out, 0, null, 0);
    return out;
  }

  @Benchmark
  public double[] expJac() {
    int k = next();
    G.exp(taus, 6 * k, out, 0, ja, 0);
    return ja;
  }

  @Benchmark
  public double[] log() {
    int k = next();
    G.log(xs, 7 * k, tau, 0, null, 0);
    return tau;
  }

  @Benchmark
  public double[] logJac() {
    int k = next();
    G.log(xs, 7 * k, tau, 0, ja, 0);
    return ja;
  }

  @Benchmark
  public double[] rminusJac() {
    int k = next();
    G.rminus(ys, 7 * k, xs, 7 * k, tau, 0, ja, 0, jb, 0);
    return jb;
  }

  @Benchmark
  public double[] actJac() {
    int k = next();
    G.act(xs, 7 * k, ps, 3 * k, pt, 0, jx, 0, jp, 0);
    return jx;
  }

  @Benchmark
  public double[] rplusJac() {
    int k = next();
    G.rplus(xs, 7 * k, taus, 6 * k, out, 0, ja, 0, jb, 0);
    return ja;
  }

  @Benchmark
  public double[] inverseJac() {
    int k = next();
    G.inverse(xs, 7 * k, out, 0, ja, 0);
    return ja;
  }
}
