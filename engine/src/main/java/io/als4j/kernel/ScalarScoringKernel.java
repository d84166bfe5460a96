package io.als4j.kernel;

/** The specification of {@link ScoringKernel}: one sum per item, components in order. */
public final class ScalarScoringKernel implements ScoringKernel {
  private final int width;

  public ScalarScoringKernel(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width: " + width + " (expected: >= 1)");
    }
    this.width = width;
  }

  @Override
  public int blockWidth() {
    return width;
  }

  @Override
  public void scoreAll(float[] blocks, int numBlocks, int k, float[] query, float[] scores) {
    final int w = width;
    for (int b = 0; b < numBlocks; b++) {
      for (int l = 0; l < w; l++) {
        float sum = 0;
        for (int c = 0; c < k; c++) {
          sum += query[c] * blocks[(b * k + c) * w + l];
        }
        scores[b * w + l] = sum;
      }
    }
  }

  @Override
  public int firstAbove(float[] scores, int from, int to, float threshold) {
    for (int j = from; j < to; j++) {
      if (scores[j] > threshold) {
        return j;
      }
    }
    return to;
  }

  @Override
  public String description() {
    return "scalar";
  }
}
