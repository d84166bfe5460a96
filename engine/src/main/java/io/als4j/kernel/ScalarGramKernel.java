package io.als4j.kernel;

/**
 * The specification of {@link GramKernel}: one accumulator per entry, no unrolling, no tricks.
 * Every faster kernel is tested against this one.
 */
public final class ScalarGramKernel implements GramKernel {

  @Override
  public int blockStride(int k) {
    return k;
  }

  @Override
  public void accumulate(double[] a, int rows, int k, int stride, double[] gram) {
    assert stride >= k && a.length >= rows * stride && gram.length >= stride * stride;
    for (int r = 0; r < rows; r++) {
      final int row = r * stride;
      for (int p = 0; p < k; p++) {
        final double ap = a[row + p];
        final int out = p * stride;
        for (int q = 0; q <= p; q++) {
          gram[out + q] += ap * a[row + q];
        }
      }
    }
  }

  @Override
  public void store(double[] a, int rows, int k, int stride, double[] gram) {
    for (int p = 0; p < k; p++) {
      java.util.Arrays.fill(gram, p * stride, p * stride + p + 1, 0.0);
    }
    accumulate(a, rows, k, stride, gram);
  }

  @Override
  public String description() {
    return "scalar";
  }
}
