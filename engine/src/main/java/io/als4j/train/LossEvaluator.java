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

  LossEvaluator(
      CompressedRows byUser,
      CompressedRows byItem,
      RowPartition userChunks,
      RowPartition itemChunks,
      AlsConfig config) {
    this.byUser = byUser;
    this.byItem = byItem;
    this.userChunks = userChunks;
    this.itemChunks = itemChunks;
    this.config = config;
  }

  Loss evaluate(ForkJoinPool pool, FactorMatrix users, FactorMatrix items) {
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
            for (long pos = byUser.start(i), end = byUser.end(i); pos < end; pos++) {
              double e = byUser.value(pos)
                  - FactorMatrix.dotUnchecked(w, wi, u, byUser.index(pos) * k, k);
              sse += e * e;
            }
            penalty += config.lambdaFor(byUser.degree(i)) * FactorMatrix.dotUnchecked(w, wi, w, wi, k);
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
            penalty += config.lambdaFor(byItem.degree(j))
                * FactorMatrix.dotUnchecked(u, j * k, u, j * k, k);
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
