package io.als4j.solve;

/**
 * Solves one symmetric positive definite system A x = b in place, for one worker thread.
 *
 * <p>Layout contract, the same as LAPACK's {@code dposv("U")}: A is {@code n × n}, column-major
 * with leading dimension {@code lda}, and only its upper triangle ({@code a[i + j*lda]}, i ≤ j) is
 * read. Read row-major, that is the lower triangle, which is what the Gram kernels fill. The
 * triangle is overwritten with the Cholesky factor and b with the solution.
 */
public interface SpdSolver {
  /**
   * Solves in place.
   *
   * @return 0 on success, {@code i > 0} when the leading minor of order i is not positive definite
   *     (a property of the data), {@code < 0} for an illegal argument (a bug)
   */
  int solve(double[] a, double[] b);

  /** Length {@code a} must have at least: {@code lda·(n-1) + n}. */
  int matrixLength();
}
