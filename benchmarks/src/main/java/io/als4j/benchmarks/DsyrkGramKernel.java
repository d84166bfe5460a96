package io.als4j.benchmarks;

import dev.ludovic.netlib.blas.BLAS;
import io.als4j.kernel.GramKernel;
import io.als4j.solve.LapackBackend;

/**
 * BLAS {@code dsyrk} behind the {@link GramKernel} contract, to measure what a library call does
 * at the Gram kernel's shapes. The row-major rows × k block with stride s, read column-major with
 * leading dimension s, is the k × rows matrix Aᵀ, so AᵀA is {@code dsyrk("U", "N")} of it, and the
 * row-major lower triangle of the Gram matrix is the column-major upper one dsyrk writes. Stride
 * k rounded up to 4, like the Panama kernel on AVX2.
 */
final class DsyrkGramKernel implements GramKernel {
  private final BLAS blas = LapackBackend.status().blas();

  @Override
  public int blockStride(int k) {
    return (k + 3) / 4 * 4;
  }

  @Override
  public void accumulate(double[] a, int rows, int k, int stride, double[] gram) {
    blas.dsyrk("U", "N", k, rows, 1.0, a, stride, 1.0, gram, stride);
  }

  @Override
  public void store(double[] a, int rows, int k, int stride, double[] gram) {
    blas.dsyrk("U", "N", k, rows, 1.0, a, stride, 0.0, gram, stride);
  }

  @Override
  public String description() {
    return "BLAS dsyrk (" + blas.getClass().getSimpleName() + ")";
  }
}
