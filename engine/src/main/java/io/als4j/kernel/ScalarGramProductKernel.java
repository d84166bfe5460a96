package io.als4j.kernel;

/** The reference {@link GramProductKernel}: a dot product and an axpy per row, one element at a time. */
final class ScalarGramProductKernel implements GramProductKernel {

  @Override
  public void multiplyAdd(double[] a, int rows, int stride, double[] p, double[] y) {
    for (int r = 0, row = 0; r < rows; r++, row += stride) {
      double t = 0;
      for (int c = 0; c < stride; c++) {
        t += a[row + c] * p[c];
      }
      for (int c = 0; c < stride; c++) {
        y[c] += t * a[row + c];
      }
    }
  }

  @Override
  public String description() {
    return "scalar";
  }
}
