package io.als4j.train;

/**
 * Stop when validation RMSE has not improved by a relative {@code minDelta} for {@code patience}
 * iterations, and keep the best iteration's factors.
 *
 * @param patience iterations without improvement before stopping, at least 1
 * @param minDelta the relative improvement that counts (0.001: 0.1 %)
 */
public record EarlyStopping(int patience, double minDelta) {
  public EarlyStopping {
    if (patience < 1) {
      throw new IllegalArgumentException("patience: " + patience + " (expected: >= 1)");
    }
    if (!(minDelta >= 0 && minDelta < 1)) {
      throw new IllegalArgumentException("min delta: " + minDelta + " (expected: 0 <= d < 1)");
    }
  }
}
