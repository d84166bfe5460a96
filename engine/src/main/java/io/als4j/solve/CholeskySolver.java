package io.als4j.solve;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Solves one symmetric positive definite system A x = b in place with LAPACK {@code dposv}, for one
 * worker thread (it owns the {@code intW} LAPACK reports through, so it is not thread-safe).
 *
 * <p>A is {@code n × n}, column-major with leading dimension {@code lda}; only its upper triangle
 * ({@code a[i + j*lda]}, i ≤ j) is read. {@code dposv} overwrites that triangle with the Cholesky
 * factor and b with the solution. netlib does not check {@code dposv}'s arguments, and a wrong
 * length crosses JNI as a heap overrun, so the shapes are checked here once, at construction, and
 * only asserted per call.
 */
public final class CholeskySolver implements SpdSolver {
  private final LAPACK lapack;
  private final int n;
  private final int lda;
  private final intW info = new intW(0);

  public CholeskySolver(LAPACK lapack, int n, int lda) {
    checkShape(n, lda);
    this.lapack = lapack;
    this.n = n;
    this.lda = lda;
  }

  static void checkShape(int n, int lda) {
    if (n < 1) {
      throw new IllegalArgumentException("n: " + n + " (expected: >= 1)");
    }
    if (lda < n) {
      throw new IllegalArgumentException("lda: " + lda + " (expected: >= n = " + n + ")");
    }
  }

  @Override
  public int matrixLength() {
    return lda * (n - 1) + n;
  }

  /**
   * Solves in place.
   *
   * @return LAPACK's {@code info}: 0 on success, {@code i > 0} when the leading minor of order i is
   *     not positive definite (a property of the data), {@code < 0} for an illegal argument (a bug)
   */
  @Override
  public int solve(double[] a, double[] b) {
    assert a.length >= matrixLength() && b.length >= n;
    info.val = 0;
    lapack.dposv("U", n, 1, a, lda, b, n, info);
    return info.val;
  }
}
