package io.als4j.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GramProductKernel} on the Vector API. Two rows of A at a time: their two dot products run
 * in separate accumulators (two independent FMA chains hide the FMA latency), then one pass adds
 * both rows' contributions to y, so y is loaded and stored once per pair. Strides that are not a
 * multiple of the lane count go to the scalar kernel.
 *
 * <p>Loaded only by name from {@link GramProductKernels}, like {@link PanamaGramKernel}.
 */
final class PanamaGramProductKernel implements GramProductKernel {
  private static final VectorSpecies<Double> SPECIES = PanamaGramKernel.species();
  private static final int LANES = SPECIES.length();
  private static final GramProductKernel SCALAR = new ScalarGramProductKernel();

  @Override
  public void multiplyAdd(double[] a, int rows, int stride, double[] p, double[] y) {
    if (stride % LANES != 0) {
      SCALAR.multiplyAdd(a, rows, stride, p, y);
      return;
    }
    int r = 0;
    for (; r + 1 < rows; r += 2) {
      final int row0 = r * stride;
      final int row1 = row0 + stride;
      DoubleVector acc0 = DoubleVector.zero(SPECIES);
      DoubleVector acc1 = acc0;
      for (int c = 0; c < stride; c += LANES) {
        final DoubleVector pv = DoubleVector.fromArray(SPECIES, p, c);
        acc0 = DoubleVector.fromArray(SPECIES, a, row0 + c).fma(pv, acc0);
        acc1 = DoubleVector.fromArray(SPECIES, a, row1 + c).fma(pv, acc1);
      }
      final DoubleVector t0 = DoubleVector.broadcast(SPECIES, sumInOrder(acc0));
      final DoubleVector t1 = DoubleVector.broadcast(SPECIES, sumInOrder(acc1));
      for (int c = 0; c < stride; c += LANES) {
        DoubleVector v = DoubleVector.fromArray(SPECIES, y, c);
        v = DoubleVector.fromArray(SPECIES, a, row0 + c).fma(t0, v);
        v = DoubleVector.fromArray(SPECIES, a, row1 + c).fma(t1, v);
        v.intoArray(y, c);
      }
    }
    if (r < rows) {
      final int row = r * stride;
      DoubleVector acc = DoubleVector.zero(SPECIES);
      for (int c = 0; c < stride; c += LANES) {
        acc = DoubleVector.fromArray(SPECIES, a, row + c)
            .fma(DoubleVector.fromArray(SPECIES, p, c), acc);
      }
      final DoubleVector t = DoubleVector.broadcast(SPECIES, sumInOrder(acc));
      for (int c = 0; c < stride; c += LANES) {
        DoubleVector.fromArray(SPECIES, a, row + c)
            .fma(t, DoubleVector.fromArray(SPECIES, y, c))
            .intoArray(y, c);
      }
    }
  }

  /**
   * Lane 0 + lane 1 + …: reduceLanes(ADD) leaves the order open and the interpreter and C2 choose
   * differently, which would change results in the last bit once the kernel is compiled.
   */
  private static double sumInOrder(DoubleVector v) {
    double s = 0;
    for (int l = 0; l < LANES; l++) {
      s += v.lane(l);
    }
    return s;
  }

  @Override
  public String description() {
    return "Panama " + SPECIES.vectorBitSize() + "-bit (2 rows per pass, " + LANES + " lanes)";
  }
}
