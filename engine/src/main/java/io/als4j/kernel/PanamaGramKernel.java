package io.als4j.kernel;

import io.als4j.internal.Als4jProperties;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GramKernel} on the Vector API, register-blocked like a GEMM micro-kernel.
 *
 * <p>Each tile holds 4 rows p of the Gram matrix × 2 vectors of columns q in 8 accumulators, and
 * streams once over the block's rows: per row, 2 vector loads and 4 broadcasts feed 8 FMAs. On AVX2
 * that is 8 accumulators + 2 loads + 4 broadcasts = 14 of the 16 ymm registers. Only tiles that touch
 * the triangle q ≤ p are computed. Rows are padded to a multiple of the tile width ({@link
 * #blockStride}) with zeros, so no load needs a mask and there is no scalar tail: the padding costs a
 * few wasted lanes at small k and buys a branch-free inner loop.
 *
 * <p>Loaded only by name from {@link GramKernels}: any class that mentions {@code
 * jdk.incubator.vector} fails with NoClassDefFoundError when the module is absent.
 */
final class PanamaGramKernel implements GramKernel {
  private static final VectorSpecies<Double> SPECIES = species();
  private static final int LANES = SPECIES.length();
  /** Rows of the Gram matrix per tile; the stride is a multiple of it and of the lane count. */
  private static final int TILE_ROWS = 4;

  private static final int STRIDE_MULTIPLE = Math.max(LANES, TILE_ROWS);

  static VectorSpecies<Double> species() {
    String bits = System.getProperty(Als4jProperties.VECTOR_BITS);
    if (bits == null || bits.isBlank()) {
      return DoubleVector.SPECIES_PREFERRED;
    }
    int wanted = Integer.parseInt(bits.trim());
    if (wanted > DoubleVector.SPECIES_PREFERRED.vectorBitSize() || wanted < 128) {
      throw new IllegalStateException(
          Als4jProperties.VECTOR_BITS + ": " + wanted + " (expected: 128.."
              + DoubleVector.SPECIES_PREFERRED.vectorBitSize() + " on this CPU)");
    }
    return VectorSpecies.of(double.class, VectorShape.forBitSize(wanted));
  }

  @Override
  public int blockStride(int k) {
    return ((k + STRIDE_MULTIPLE - 1) / STRIDE_MULTIPLE) * STRIDE_MULTIPLE;
  }

  @Override
  public void accumulate(double[] a, int rows, int k, int stride, double[] gram) {
    run(a, rows, k, stride, gram, false);
  }

  @Override
  public void store(double[] a, int rows, int k, int stride, double[] gram) {
    run(a, rows, k, stride, gram, true);
  }

  private static void run(
      double[] a, int rows, int k, int stride, double[] gram, boolean overwrite) {
    assert stride % STRIDE_MULTIPLE == 0 && stride >= k : "stride " + stride + " for k " + k;
    assert a.length >= rows * stride && gram.length >= stride * stride;
    for (int p0 = 0; p0 < k; p0 += TILE_ROWS) {
      final int qEnd = Math.min(p0 + TILE_ROWS, k);
      int q0 = 0;
      // Two-vector tiles while the second vector still reaches into q < qEnd.
      for (; q0 + LANES < qEnd; q0 += 2 * LANES) {
        tile4x2(a, rows, stride, p0, q0, gram, overwrite);
      }
      // one-vector tail tile
      if (q0 < qEnd) {
        tile4x1(a, rows, stride, p0, q0, gram, overwrite);
      }
    }
  }

  private static void tile4x2(
      double[] a, int rows, int stride, int p0, int q0, double[] gram, boolean overwrite) {
    DoubleVector c00 = DoubleVector.zero(SPECIES);
    DoubleVector c01 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c20 = c00;
    DoubleVector c21 = c00;
    DoubleVector c30 = c00;
    DoubleVector c31 = c00;
    final int q1 = q0 + LANES;
    for (int r = 0, row = 0; r < rows; r++, row += stride) {
      final DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, row + q0);
      final DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, row + q1);
      final int p = row + p0;
      DoubleVector b = DoubleVector.broadcast(SPECIES, a[p]);
      c00 = x0.fma(b, c00);
      c01 = x1.fma(b, c01);
      b = DoubleVector.broadcast(SPECIES, a[p + 1]);
      c10 = x0.fma(b, c10);
      c11 = x1.fma(b, c11);
      b = DoubleVector.broadcast(SPECIES, a[p + 2]);
      c20 = x0.fma(b, c20);
      c21 = x1.fma(b, c21);
      b = DoubleVector.broadcast(SPECIES, a[p + 3]);
      c30 = x0.fma(b, c30);
      c31 = x1.fma(b, c31);
    }
    final int g = p0 * stride;
    write(gram, g + q0, c00, overwrite);
    write(gram, g + q1, c01, overwrite);
    write(gram, g + stride + q0, c10, overwrite);
    write(gram, g + stride + q1, c11, overwrite);
    write(gram, g + 2 * stride + q0, c20, overwrite);
    write(gram, g + 2 * stride + q1, c21, overwrite);
    write(gram, g + 3 * stride + q0, c30, overwrite);
    write(gram, g + 3 * stride + q1, c31, overwrite);
  }

  private static void tile4x1(
      double[] a, int rows, int stride, int p0, int q0, double[] gram, boolean overwrite) {
    DoubleVector c0 = DoubleVector.zero(SPECIES);
    DoubleVector c1 = c0;
    DoubleVector c2 = c0;
    DoubleVector c3 = c0;
    for (int r = 0, row = 0; r < rows; r++, row += stride) {
      final DoubleVector x = DoubleVector.fromArray(SPECIES, a, row + q0);
      final int p = row + p0;
      c0 = x.fma(DoubleVector.broadcast(SPECIES, a[p]), c0);
      c1 = x.fma(DoubleVector.broadcast(SPECIES, a[p + 1]), c1);
      c2 = x.fma(DoubleVector.broadcast(SPECIES, a[p + 2]), c2);
      c3 = x.fma(DoubleVector.broadcast(SPECIES, a[p + 3]), c3);
    }
    final int g = p0 * stride + q0;
    write(gram, g, c0, overwrite);
    write(gram, g + stride, c1, overwrite);
    write(gram, g + 2 * stride, c2, overwrite);
    write(gram, g + 3 * stride, c3, overwrite);
  }

  private static void write(double[] gram, int offset, DoubleVector sum, boolean overwrite) {
    if (overwrite) {
      sum.intoArray(gram, offset);
    } else {
      DoubleVector.fromArray(SPECIES, gram, offset).add(sum).intoArray(gram, offset);
    }
  }

  @Override
  public String description() {
    return "Panama " + SPECIES.vectorBitSize() + "-bit (" + LANES + " double lanes, FMA)";
  }
}
