package io.als4j.kernel;

/**
 * Multiplies the Gram matrix AᵀA of a block by a vector without forming it: y += Σᵣ aᵣ (aᵣ·p). The
 * inner loop of the conjugate-gradient row solver, which needs AᵀA·p a few times per row and never
 * AᵀA itself (2k multiply-adds per row of A instead of the k(k+1)/2 of building the matrix).
 *
 * <p>Layout contract, as for {@link GramKernel}: A has {@code rows} rows stored row-major from index
 * 0 with row stride {@code stride}, the columns {@code k..stride-1} of every row zero, {@code stride}
 * from {@link GramKernel#blockStride}. {@code p} and {@code y} have at least {@code stride} entries;
 * an implementation may read p's padding (it meets zeros in A) and may add zeros to y's padding.
 *
 * <p>Each dot product is summed in a fixed order, so a result does not depend on whether the JIT has
 * compiled the kernel yet. Implementations are stateless and thread-safe.
 */
public interface GramProductKernel {

  /** y += AᵀA p over the block; see the class contract. */
  void multiplyAdd(double[] a, int rows, int stride, double[] p, double[] y);

  /** A short human-readable description. */
  String description();
}
