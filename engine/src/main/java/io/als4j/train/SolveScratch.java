package io.als4j.train;

import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.kernel.GramKernel;
import io.als4j.solve.CholeskySolver;

/**
 * One worker's reusable arrays for row solves, allocated once so that solving a row allocates
 * nothing. The gathered block's padding columns (k..stride-1) are never written, so they stay zero
 * as the kernel contract requires.
 */
final class SolveScratch {
  /**
   * Rating rows gathered per kernel call. A heavy row is accumulated in blocks of this many, so
   * the block stays in L2 (256 × 64 doubles = 128 KiB) whatever the row's degree.
   */
  static final int BLOCK_ROWS = 256;

  final int stride;
  final double[] block;
  final double[] gram;
  final double[] rhs;
  final CholeskySolver solver;

  SolveScratch(GramKernel kernel, LAPACK lapack, int rank) {
    this.stride = kernel.blockStride(rank);
    this.block = new double[BLOCK_ROWS * stride];
    this.gram = new double[stride * stride];
    this.rhs = new double[rank];
    this.solver = new CholeskySolver(lapack, rank, stride);
  }
}
