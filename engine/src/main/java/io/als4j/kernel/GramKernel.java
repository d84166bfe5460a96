package io.als4j.kernel;

/**
 * Accumulates the Gram matrix AᵀA of a small dense block A, the inner loop of every ALS row solve.
 *
 * <p>Layout contract. A has {@code rows} rows of {@code k} doubles, stored row-major in {@code a}
 * starting at index 0 with row stride {@code stride} ({@code stride >= k}, as returned by {@link
 * #blockStride(int)}); the columns {@code k..stride-1} of every row must be zero. The Gram matrix is
 * {@code stride × stride}, row-major, and after the call {@code gram[p*stride + q]} has been
 * increased by Σᵣ A[r][p]·A[r][q] for every {@code 0 ≤ q ≤ p < k}. Read column-major with leading
 * dimension {@code stride}, that is LAPACK's upper triangle, so the result goes to {@code dposv("U")}
 * as it is. An implementation may also add the same sums to other entries of the {@code stride ×
 * stride} matrix (never anything else), so callers must read only the triangle named above.
 *
 * <p>Implementations are stateless and thread-safe; callers check arguments once, kernels only
 * {@code assert}.
 */
public interface GramKernel {

  /** The row stride this kernel wants for rank {@code k}: {@code k} rounded up to its tile width. */
  int blockStride(int k);

  /** gram += AᵀA over the lower row-major (upper LAPACK) triangle; see the class contract. */
  void accumulate(double[] a, int rows, int k, int stride, double[] gram);

  /**
   * gram = AᵀA over the same triangle, without reading gram: what {@link #accumulate} gives on a
   * zeroed matrix, for a row's first block, so the caller need not clear stride² doubles per row
   * and the kernel need not load them back. Entries outside the triangle may be left as they were.
   */
  void store(double[] a, int rows, int k, int stride, double[] gram);

  /** A short human-readable description, such as "scalar" or "Panama 256-bit (4 double lanes)". */
  String description();
}
