package dev.tangent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.core.tensor.LinAlgIdentities;
import dev.tangent.core.tensor.NumpyFixtures;
import org.junit.jupiter.api.Test;

/** The decomposition identities on LAPACK (device "cpu"), and agreement with EJML where results are unique. */
class LapackLinAlgTest extends LinAlgIdentities {
  @Override protected String device() { return "cpu"; }

  @Override protected int n() { return 40; }

  @Test void lapackAndEjmlAgreeOnUniqueQuantities() {
    Tangent t = NumpyFixtures.interpreter();
    t.evalRaw("let A = randn(9, 9, seed: 11)\nlet S = A @ A.T\nlet C = A.to(\"cpu\")\nlet SC = S.to(\"cpu\")");
    for (String f : new String[] {"eigh(#)[0]", "svd(#)[1]", "inv(#)", "solve(#, A[:, 0])", "pinv(#)", "cholesky(# + eye(9))"}) {
      String onJava = f.replace("#", "S").replace("A[:, 0]", "A[:, 0]");
      String onCpu = f.replace("#", "SC");
      assertEquals(true, t.evalRaw("allclose(" + onJava + ", " + onCpu + ", rtol: 1e-9, atol: 1e-10)"), f);
    }
    double dj = (Double) t.evalRaw("det(A)");
    double dc = (Double) t.evalRaw("det(C)");
    assertTrue(Math.abs(dj - dc) <= 1e-9 * Math.abs(dj), dj + " vs " + dc);
  }

  @Test void largeMatricesUseLapackWithoutBeingPlaced() {
    Tangent t = NumpyFixtures.interpreter();
    t.evalRaw("let A = randn(150, 150, seed: 3, device: \"java\")\nlet (w, V) = eigh(A + A.T)");
    assertEquals("java", t.evalRaw("A.device"));
    assertTrue((Double) t.evalRaw("norm((A + A.T) @ V - V * w) / norm(A + A.T)") < 1e-12);
  }

  @Test void singularAndIndefiniteMatricesAreReported() {
    Tangent t = NumpyFixtures.interpreter();
    String singular = "tensor([[1, 2], [2, 4]], device: \"cpu\")";
    assertTrue(TensorErrors.message(t, "inv(" + singular + ")").contains("inv(): the matrix is singular"));
    assertTrue(TensorErrors.message(t, "solve(" + singular + ", tensor([1, 2]))").contains("solve(): the matrix is singular"));
    assertTrue(TensorErrors.message(t, "cholesky(tensor([[1, 2], [2, 1]], device: \"cpu\"))").contains("not positive definite"));
    assertEquals(0.0, t.evalRaw("det(" + singular + ")"));
  }
}
