package io.als4j.train;

import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.data.RatingMatrix;
import io.als4j.kernel.GramKernel;
import io.als4j.kernel.GramProductKernel;
import io.als4j.kernel.GramProductKernels;
import io.als4j.model.AlsModel;
import io.als4j.model.FactorMatrix;
import java.util.SplittableRandom;
import io.als4j.internal.ParallelChunks;
import java.util.concurrent.ForkJoinPool;

/**
 * One training run, a half-sweep at a time: {@link AlsTrainer#train} drives it, and tests drive it
 * step by step to check the loss after every half-sweep. Not thread-safe: one caller at a time.
 */
public final class TrainingRun {
  private final RatingMatrix ratings;
  private final ForkJoinPool pool;
  private final FactorMatrix users;
  private final FactorMatrix items;
  /**
   * Float copies of the factors, which the sweeps gather from, with {@link FactorPrecision#FLOAT}
   * (null otherwise). Each sweep writes its side's copy as it solves.
   */
  private final float[] userCopy;
  private final float[] itemCopy;
  private final RowPartition userChunks;
  private final RowPartition itemChunks;
  private final HalfSweep userSweep;
  private final HalfSweep itemSweep;
  private final LossEvaluator lossEvaluator;
  private final ThreadLocal<RowSolver> equations;
  private final ThreadLocal<RowEntries> entries = ThreadLocal.withInitial(RowEntries::new);
  private final double flopsPerIteration;
  private final double userSweepFlops;
  private final double mean;
  private final double[] userBias;
  private final double[] itemBias;

  TrainingRun(
      AlsConfig config, RatingMatrix ratings, ForkJoinPool pool, GramKernel kernel, LAPACK lapack) {
    this.ratings = ratings;
    this.pool = pool;
    final int k = config.rank();
    SplittableRandom random = new SplittableRandom(config.seed());
    this.users = FactorInitializer.unitGaussianRows(ratings.numUsers(), k, random.split());
    this.items = FactorInitializer.unitGaussianRows(ratings.numItems(), k, random.split());
    if (config.factorPrecision() == FactorPrecision.FLOAT) {
      roundToFloat(users.data());
      roundToFloat(items.data());
      this.userCopy = new float[users.data().length];
      this.itemCopy = new float[items.data().length];
      refreshFloatCopies();
    } else {
      this.userCopy = null;
      this.itemCopy = null;
    }
    this.userChunks = RowPartition.byCost(ratings.byUser(), config, RowPartition.MAX_CHUNKS);
    this.itemChunks = RowPartition.byCost(ratings.byItem(), config, RowPartition.MAX_CHUNKS);
    if (config.biases()) {
      double sum = 0;
      for (long pos = 0; pos < ratings.numRatings(); pos++) {
        sum += ratings.byUser().value(pos);
      }
      this.mean = ratings.numRatings() == 0 ? 0 : sum / ratings.numRatings();
      this.userBias = new double[ratings.numUsers()];
      this.itemBias = new double[ratings.numItems()];
    } else {
      this.mean = 0;
      this.userBias = null;
      this.itemBias = null;
    }
    this.userSweep = new HalfSweep(
        Side.USERS, ratings.byUser(), items, itemCopy, users, userCopy, config, mean, itemBias,
        userBias);
    this.itemSweep = new HalfSweep(
        Side.ITEMS, ratings.byItem(), users, userCopy, items, itemCopy, config, mean, userBias,
        itemBias);
    this.lossEvaluator =
        new LossEvaluator(
            ratings.byUser(), ratings.byItem(), userChunks, itemChunks, config, entries);
    if (config.solveMethod() == SolveMethod.CONJUGATE_GRADIENT) {
      final GramProductKernel product = GramProductKernels.matching(kernel);
      final int maxRows =
          Math.max(HalfSweep.maxDegree(ratings.byUser()), HalfSweep.maxDegree(ratings.byItem()));
      this.equations = ThreadLocal.withInitial(() -> new ConjugateGradientRow(
          product, kernel, k, config.biases(), config.cgSteps(), maxRows,
          config.factorPrecision()));
    } else {
      this.equations = ThreadLocal.withInitial(() -> new NormalEquations(
          kernel, lapack, k, config.biases(), config.factorPrecision()));
    }
    final int stride = kernel.blockStride(k + (config.biases() ? 1 : 0));
    this.userSweepFlops = HalfSweep.flops(ratings.byUser(), config, stride);
    this.flopsPerIteration = userSweepFlops + HalfSweep.flops(ratings.byItem(), config, stride);
  }

  /** Solves every user's vector against the current item factors. */
  public void sweepUsers() {
    sweep(userSweep, userChunks);
  }

  /** Solves every item's vector against the current user factors. */
  public void sweepItems() {
    sweep(itemSweep, itemChunks);
  }

  private void sweep(HalfSweep sweep, RowPartition chunks) {
    ParallelChunks.run(pool, chunks.chunks(), c -> sweep.solveRows(
        chunks.from(c), chunks.to(c), equations.get(), entries.get()));
  }

  /** The regularized loss of the current factors on the training ratings. */
  public Loss loss() {
    return lossEvaluator.evaluate(pool, users, items, mean, userBias, itemBias);
  }

  /** The current factors (live: later sweeps change them). */
  public AlsModel model() {
    return userBias == null ? new AlsModel(users, items)
        : new AlsModel(users, items, mean, userBias, itemBias);
  }

  /**
   * Replaces the seeded random start with {@code model}'s factors and offsets (see {@link
   * AlsTrainer#train(RatingMatrix, AlsModel)}), rounded as this run stores them.
   *
   * @throws IllegalArgumentException if the model does not fit these ratings and this config
   */
  public void startFrom(AlsModel model) {
    if (model.numUsers() != users.rows() || model.numItems() != items.rows()
        || model.rank() != users.rank() || model.hasBiases() != (userBias != null)) {
      throw new IllegalArgumentException(
          "start model: " + model.numUsers() + " users × " + model.numItems() + " items, rank "
              + model.rank() + (model.hasBiases() ? ", biases" : "") + " (expected: "
              + users.rows() + " × " + items.rows() + ", rank " + users.rank()
              + (userBias != null ? ", biases" : ", no biases") + ")");
    }
    double[][] start = {
      model.userFactors().data().clone(), model.itemFactors().data().clone(), null, null
    };
    if (userCopy != null) {
      roundToFloat(start[0]);
      roundToFloat(start[1]);
    }
    if (userBias != null) {
      start[2] = new double[userBias.length];
      start[3] = new double[itemBias.length];
      for (int i = 0; i < userBias.length; i++) {
        start[2][i] = model.userBias(i);
      }
      for (int j = 0; j < itemBias.length; j++) {
        start[3][j] = model.itemBias(j);
      }
    }
    restore(start);
  }

  /** A copy of the current factors and offsets, for early stopping. */
  double[][] snapshot() {
    return new double[][] {
      users.data().clone(), items.data().clone(),
      userBias == null ? null : userBias.clone(), itemBias == null ? null : itemBias.clone()
    };
  }

  /** Puts a {@link #snapshot} back. */
  void restore(double[][] snapshot) {
    System.arraycopy(snapshot[0], 0, users.data(), 0, snapshot[0].length);
    System.arraycopy(snapshot[1], 0, items.data(), 0, snapshot[1].length);
    if (userCopy != null) {
      refreshFloatCopies();
    }
    if (userBias != null) {
      System.arraycopy(snapshot[2], 0, userBias, 0, userBias.length);
      System.arraycopy(snapshot[3], 0, itemBias, 0, itemBias.length);
    }
  }

  private void refreshFloatCopies() {
    copyToFloat(users.data(), userCopy);
    copyToFloat(items.data(), itemCopy);
  }

  private static void copyToFloat(double[] from, float[] to) {
    for (int i = 0; i < from.length; i++) {
      to[i] = (float) from[i];
    }
  }

  private static void roundToFloat(double[] values) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) values[i];
    }
  }

  /** Floating-point operations of one full iteration, for GFLOP/s figures. */
  public double flopsPerIteration() {
    return flopsPerIteration;
  }

  /** Floating-point operations of one user half-sweep. */
  public double userSweepFlops() {
    return userSweepFlops;
  }

  /** Ratings being trained on. */
  public long numRatings() {
    return ratings.numRatings();
  }
}
