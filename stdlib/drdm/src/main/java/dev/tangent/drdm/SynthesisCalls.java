package dev.tangent.drdm;

import dev.tangent.drdm.recover.RecoverCalls;
import dev.tangent.drdm.recover.Synthesis;
import dev.tangent.spi.Args;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TangentError;

/**
 * drdm.augment and drdm.synthesize_registration: on this machine (recover), or over a spark
 * session when session: is given (cluster). Only the second loads the cluster package and through
 * it tangent-spark, an optional dependency: an embedder without it gets an error, not a crash.
 */
final class SynthesisCalls {
  private SynthesisCalls() {}

  /** Where session: is in each signature (RecoverCalls.AUGMENT, RecoverCalls.REGISTRATION). */
  static final int AUGMENT_SESSION = 12, REGISTRATION_SESSION = 11;

  static Object augment(Args a) {
    if (!onCluster(a, AUGMENT_SESSION)) return RecoverCalls.augment(a);
    return cluster(a, AUGMENT_SESSION, RecoverCalls.augmentSpec(a), false);
  }

  static Object registration(Args a) {
    if (!onCluster(a, REGISTRATION_SESSION)) return RecoverCalls.registration(a);
    return cluster(a, REGISTRATION_SESSION, RecoverCalls.registrationSpec(a), true);
  }

  private static boolean onCluster(Args a, int i) {
    return a.present(i) && a.get(i) != Nil.NIL;
  }

  private static Object cluster(Args a, int i, Synthesis.Spec spec, boolean registration) {
    try {
      return dev.tangent.drdm.cluster.ClusterSynthesis.run(a.ctx(), a.get(i), spec, registration);
    } catch (NoClassDefFoundError e) {
      throw TangentError.runtime((registration ? "synthesize_registration()" : "augment()")
          + ": session: needs the spark module (tangent-spark and Spark on the class path), which is missing: " + e.getMessage());
    }
  }
}
