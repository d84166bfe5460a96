package io.als4j.solve;

import io.als4j.kernel.CholeskyKernel;

/**
 * An {@link SpdSolver} on als4j's own {@link CholeskyKernel}, which beats a LAPACK call on the
 * small systems of ALS (see {@link SpdSolvers}). Holds one thread's scratch: not thread-safe.
 */
public final class KernelCholeskySolver implements SpdSolver {
  private final CholeskyKernel kernel;
  private final int n;
  private final int lda;
  private final double[] scratch;

  public KernelCholeskySolver(CholeskyKernel kernel, int n, int lda) {
    CholeskySolver.checkShape(n, lda);
    this.kernel = kernel;
    this.n = n;
    this.lda = lda;
    this.scratch = new double[n];
  }

  public String kernelDescription() {
    return kernel.description();
  }

  /** The kernel may use the whole n × lda area as its workspace. */
  @Override
  public int matrixLength() {
    return n * lda;
  }

  @Override
  public int solve(double[] a, double[] b) {
    assert a.length >= matrixLength() && b.length >= n;
    return kernel.solve(a, n, lda, b, scratch);
  }
}
