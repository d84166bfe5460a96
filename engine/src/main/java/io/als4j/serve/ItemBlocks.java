package io.als4j.serve;

/**
 * Item factors as float in the transposed block layout of {@link io.als4j.kernel.ScoringKernel},
 * optionally scaled to unit length (for cosine similarity). Float halves the bytes every
 * recommendation streams through (26,744 items × 64 = 6.8 MB instead of 13.7 MB) and doubles the
 * SIMD lanes; scores are only used to rank.
 */
final class ItemBlocks {
  final float[] data;
  final int numBlocks;
  final int width;
  /** Components per item: the rank, plus one when the item offsets ride along. */
  final int dims;

  private ItemBlocks(float[] data, int numBlocks, int width, int dims) {
    this.data = data;
    this.numBlocks = numBlocks;
    this.width = width;
    this.dims = dims;
  }

  static ItemBlocks of(double[] factors, int items, int k, int width, boolean normalize) {
    return of(factors, null, items, k, width, normalize);
  }

  /**
   * @param offsets per-item offsets to append as one more component (scored against a query
   *     component of 1, so a score is w·u + c), or null
   */
  static ItemBlocks of(
      double[] factors, double[] offsets, int items, int k, int width, boolean normalize) {
    int dims = k + (offsets == null ? 0 : 1);
    int numBlocks = (items + width - 1) / width;
    float[] data = new float[numBlocks * dims * width];
    for (int j = 0; j < items; j++) {
      double scale = 1.0;
      if (normalize) {
        double norm = 0;
        for (int c = 0; c < k; c++) {
          norm += factors[j * k + c] * factors[j * k + c];
        }
        scale = norm > 0 ? 1.0 / Math.sqrt(norm) : 0.0;
      }
      int b = j / width;
      int lane = j % width;
      for (int c = 0; c < k; c++) {
        data[(b * dims + c) * width + lane] = (float) (factors[j * k + c] * scale);
      }
      if (offsets != null) {
        data[(b * dims + k) * width + lane] = (float) offsets[j];
      }
    }
    return new ItemBlocks(data, numBlocks, width, dims);
  }

  int scoreLength() {
    return numBlocks * width;
  }
}
