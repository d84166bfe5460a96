package io.als4j.train;

import io.als4j.data.CompressedRows;
import io.als4j.model.FactorMatrix;
import io.als4j.internal.ParallelChunks;
import java.util.concurrent.ForkJoinPool;

/**
 * Computes the {@link Loss} in parallel, deterministically: every chunk of the fixed {@link
 * RowPartition}s writes its partial sums to its own slot, and the slots are added in chunk order.
 */
final class LossEvaluator {
  private final CompressedRows byUser;
  private final CompressedRows byItem;
  private final RowPartition userChunks;
  private final RowPartition itemChunks;
  private final AlsConfig config;
  /** Each worker's entry buffer, the one its sweeps use (a loss is never evaluated mid-sweep). */
  private final ThreadLocal<RowEntries> entries;

  LossEvaluator(
      CompressedRows byUser,
      CompressedRows byItem,
      RowPartition userChunks,
      RowPartition itemChunks,
      AlsConfig config,
      ThreadLocal<RowEntries> entries) {
    this.byUser = byUser;
    this.byItem = byItem;
    this.userChunks = userChunks;
    this.itemChunks = itemChunks;
    this.config = config;
    this.entries = entries;
  }

  /** The loss of these factors; {@code userBias} and {@code itemBias} are null without biases. */
  Loss evaluate(
      ForkJoinPool pool, FactorMatrix users, FactorMatrix items, double mean, double[] userBias,
      double[] itemBias) {
    final int k = config.rank();
    final double[] w = users.data();
    final double[] u = items.data();
    final double[] squaredError = new double[userChunks.chunks()];
    final double[] userPenalty = new double[userChunks.chunks()];
    ParallelChunks.run(
        pool,
        userChunks.chunks(),
        c -> {
          double sse = 0;
          double penalty = 0;
          for (int i = userChunks.from(c); i < userChunks.to(c); i++) {
            final int wi = i * k;
            final double offset = userBias == null ? 0 : mean + userBias[i];
            final RowEntries row = entries.get();
            for (long pos = byUser.start(i), end = byUser.end(i); pos < end; ) {
              final int count = row.fill(byUser, pos, end);
              final int[] columns = row.columns();
              final float[] ratings = row.ratings();
              for (int e = 0; e < count; e++) {
                final int j = columns[e];
                double r = ratings[e] - offset - (itemBias == null ? 0 : itemBias[j])
                    - FactorMatrix.dotUnchecked(w, wi, u, j * k, k);
                sse += r * r;
              }
              pos += count;
            }
            double norm = FactorMatrix.dotUnchecked(w, wi, w, wi, k)
                + (userBias == null ? 0 : userBias[i] * userBias[i]);
            penalty += config.lambdaFor(byUser.degree(i)) * norm;
          }
          squaredError[c] = sse;
          userPenalty[c] = penalty;
        });
    final double[] itemPenalty = new double[itemChunks.chunks()];
    ParallelChunks.run(
        pool,
        itemChunks.chunks(),
        c -> {
          double penalty = 0;
          for (int j = itemChunks.from(c); j < itemChunks.to(c); j++) {
            double norm = FactorMatrix.dotUnchecked(u, j * k, u, j * k, k)
                + (itemBias == null ? 0 : itemBias[j] * itemBias[j]);
            penalty += config.lambdaFor(byItem.degree(j)) * norm;
          }
          itemPenalty[c] = penalty;
        });
    return new Loss(
        sumInOrder(squaredError),
        sumInOrder(userPenalty) + sumInOrder(itemPenalty),
        byUser.entries());
  }

  private static double sumInOrder(double[] parts) {
    double sum = 0;
    for (double p : parts) {
      sum += p;
    }
    return sum;
  }
}
