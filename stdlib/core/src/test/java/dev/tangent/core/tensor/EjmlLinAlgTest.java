package dev.tangent.core.tensor;

/** The decomposition identities on the pure-Java path (EJML). */
class EjmlLinAlgTest extends LinAlgIdentities {
  @Override protected String device() { return "java"; }

  @Override protected int n() { return 7; }
}
