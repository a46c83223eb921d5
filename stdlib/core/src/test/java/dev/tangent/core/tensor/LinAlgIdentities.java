package dev.tangent.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import org.junit.jupiter.api.Test;

/**
 * The decompositions checked by the identities that define them, on random matrices. The core
 * runs it on EJML (small, device "java"); tangent-tensor runs it on LAPACK (device "cpu").
 */
public abstract class LinAlgIdentities {
  /** "java" or "cpu". */
  protected abstract String device();

  /** The size of the square test matrices. */
  protected abstract int n();

  private Tangent t;

  private Tangent t() {
    if (t == null) {
      t = NumpyFixtures.interpreter();
      int n = n();
      t.evalRaw("let D = \"" + device() + "\"\nlet n = " + n + "\n"
          + "let A = randn(n, n, seed: 1, device: D)\n"
          + "let B = randn(n, n, seed: 2, device: D)\n"
          + "let S = A @ A.T + eye(n, device: D) * n\n"
          + "let R = randn(n + 3, n - 2, seed: 3, device: D)\n"
          + "let W = randn(n - 2, n + 3, seed: 4, device: D)\n"
          + "let b = randn(n + 3, seed: 5, device: D)\n"
          + "fn rel(x, y) = norm(x - y) / max(norm(y), 1)\n"
          + "fn lower_part(M) = M - M * (arange(M.shape[0]).reshape(-1, 1) <= arange(M.shape[1])).astype(\"f64\")\n"
          + "fn upper_part(M) = M - M * (arange(M.shape[0]).reshape(-1, 1) >= arange(M.shape[1])).astype(\"f64\")\n");
    }
    return t;
  }

  private double num(String expr) {
    return (Double) t().evalRaw(expr);
  }

  private void small(String expr, double tol) {
    double v = num(expr);
    assertTrue(v <= tol, expr + " = " + v + " > " + tol);
  }

  @Test void inputsLiveOnTheDeviceUnderTest() {
    assertEquals(device(), t().evalRaw("A.device"));
    assertEquals(device(), t().evalRaw("inv(A).device"));
  }

  @Test void svdReassemblesAndHasOrthonormalFactors() {
    for (String m : new String[] {"R", "W", "A"}) {
      t().evalRaw("let (U, s, Vt) = svd(" + m + ")");
      small("rel(U @ diag(s) @ Vt, " + m + ")", 1e-12);
      small("rel(U.T @ U, eye(U.shape[1]))", 1e-12);
      small("rel(Vt @ Vt.T, eye(Vt.shape[0]))", 1e-12);
      assertEquals(true, t().evalRaw("(s[0:-1] >= s[1:]).all() and s.min() >= 0"), m + ": singular values descend");
    }
    // A rank-deficient matrix: the trailing singular values vanish.
    t().evalRaw("let (U2, s2, Vt2) = svd(R @ W)");
    small("rel(U2 @ diag(s2) @ Vt2, R @ W)", 1e-12);
    small("s2[n - 2:].max() / s2[0]", 1e-13);
  }

  @Test void qrReassemblesWithOrthonormalQAndTriangularR() {
    for (String m : new String[] {"R", "W", "A"}) {
      t().evalRaw("let (Q, Rr) = qr(" + m + ")");
      small("rel(Q @ Rr, " + m + ")", 1e-12);
      small("rel(Q.T @ Q, eye(Q.shape[1]))", 1e-12);
      small("norm(lower_part(Rr))", 0);
    }
  }

  @Test void inverseSolveAndDeterminant() {
    small("rel(A @ inv(A), eye(n))", 1e-10);
    small("rel(inv(A) @ A, eye(n))", 1e-10);
    small("rel(A @ solve(A, b[0:n]), b[0:n])", 1e-10);
    small("rel(A @ solve(A, B), B)", 1e-10);
    small("abs(det(A @ B) - det(A) * det(B)) / abs(det(A) * det(B))", 1e-10);
    small("abs(abs(det(qr(A)[0])) - 1)", 1e-12);
  }

  @Test void eighDiagonalisesWithOrthonormalVectors() {
    t().evalRaw("let (w, V) = eigh(S)");
    small("rel(S @ V, V * w)", 1e-12);
    small("rel(V.T @ V, eye(n))", 1e-12);
    assertEquals(true, t().evalRaw("(w[0:-1] <= w[1:]).all()"), "ascending");
    small("abs(w.sum() - trace(S)) / abs(trace(S))", 1e-12);
  }

  @Test void choleskyIsLowerTriangularAndReassembles() {
    t().evalRaw("let L = cholesky(S)");
    small("rel(L @ L.T, S)", 1e-12);
    small("norm(upper_part(L))", 0);
  }

  @Test void lstsqSatisfiesTheNormalEquations() {
    t().evalRaw("let (x, res, rank, sv) = lstsq(R, b)");
    small("norm(R.T @ (R @ x - b)) / norm(R.T @ b)", 1e-10);
    small("abs(res[0] - norm(R @ x - b) ^ 2)", 1e-9);
    assertEquals((double) (n() - 2), num("rank"));
  }

  @Test void pinvMeetsTheMoorePenroseConditions() {
    for (String m : new String[] {"R", "W", "R @ W"}) {
      t().evalRaw("let M = " + m + "\nlet P = pinv(M)");
      small("rel(M @ P @ M, M)", 1e-10);
      small("rel(P @ M @ P, P)", 1e-10);
      small("rel((M @ P).T, M @ P)", 1e-10);
      small("rel((P @ M).T, P @ M)", 1e-10);
    }
  }

  @Test void eigSolvesTheComplexEigenproblem() {
    // A random real matrix has complex pairs; check A V = V diag(w) in real and imaginary parts.
    t().evalRaw("let (wr, wi, Vr, Vi) = eig(A)");
    assertTrue(num("abs(wi).max()") > 0, "the test matrix should have complex eigenvalues");
    small("rel(A @ Vr, Vr * wr - Vi * wi)", 1e-9);
    small("rel(A @ Vi, Vr * wi + Vi * wr)", 1e-9);
    small("abs((Vr * Vr + Vi * Vi).sum(axis: 0) - 1).max()", 1e-12);
    small("abs(wr.sum() - trace(A)) / n", 1e-10);
  }
}
