package io.als4j.kernel;

/**
 * Factors a small symmetric positive definite matrix A = L·Lᵀ and solves A x = b in place: the
 * other half of every ALS row solve, next to the {@link GramKernel} that builds A.
 *
 * <p>Layout contract, the one the Gram kernels fill and LAPACK's {@code dposv("U")} reads: A is
 * {@code n × n} with row stride {@code lda}, and only its row-major lower triangle ({@code
 * a[i*lda + j]}, j ≤ i) is read. The whole {@code n × lda} area may be overwritten (with the factor
 * and scratch), and b is overwritten with the solution. {@code a} must hold at least {@code n·lda}
 * doubles.
 *
 * <p>Implementations are stateless and thread-safe; the caller passes {@code n} doubles of scratch.
 */
public interface CholeskyKernel {
  /**
   * Solves in place.
   *
   * @return 0 on success, or {@code i > 0} when the leading minor of order i is not positive
   *     definite (LAPACK's {@code info})
   */
  int solve(double[] a, int n, int lda, double[] b, double[] scratch);

  /** A short human-readable description. */
  String description();
}
