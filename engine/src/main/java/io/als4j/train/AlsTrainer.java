package io.als4j.train;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import io.als4j.data.RatingMatrix;
import io.als4j.kernel.GramKernel;
import io.als4j.kernel.GramKernels;
import io.als4j.model.AlsModel;
import io.als4j.solve.LapackBackend;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Alternating Least Squares for explicit ratings: factorizes R (users × items) as W Uᵀ by
 * alternately solving, for every user i and then every item j (with the new W),
 *
 * <pre>
 * (Σⱼ∈Ψᵢ uⱼuⱼᵀ + λᵢ I) wᵢ = Σⱼ∈Ψᵢ rᵢⱼ uⱼ
 * (Σᵢ∈Ψⱼ wᵢwᵢᵀ + λⱼ I) uⱼ = Σᵢ∈Ψⱼ rᵢⱼ wᵢ
 * </pre>
 *
 * from seeded random factors, {@link AlsConfig#iterations()} times, then once more for the users,
 * so that every user vector is the exact solution against the final item factors (what {@link
 * FoldIn} computes for a user's ratings). λᵢ is λ or λ·|Ψᵢ| (see {@link LambdaMode}). A user or
 * item with no ratings gets the zero vector.
 *
 * <p>Rows are solved in parallel on the trainer's own {@link ForkJoinPool} (never the common pool),
 * in chunks of equal cost. Factors are bit-identical for the same config and seed whatever the
 * thread count. Close the trainer to stop a pool it created; a pool passed in stays the caller's.
 */
public final class AlsTrainer implements AutoCloseable {
  private final AlsConfig config;
  private final ForkJoinPool pool;
  private final boolean ownsPool;
  private final GramKernel kernel;
  private final LAPACK lapack;

  /** A trainer with its own pool of {@link AlsConfig#threads()} workers. */
  public AlsTrainer(AlsConfig config) {
    this(config, newPool(config.threads()), true, GramKernels.active(), LapackBackend.lapack());
  }

  /** A trainer that runs on the caller's pool (its parallelism wins over the config's threads). */
  public AlsTrainer(AlsConfig config, ForkJoinPool pool) {
    this(config, pool, false, GramKernels.active(), LapackBackend.lapack());
  }

  /** Full control, for benchmarks and tests that compare kernels or LAPACK backends. */
  public AlsTrainer(AlsConfig config, ForkJoinPool pool, GramKernel kernel, LAPACK lapack) {
    this(config, pool, false, kernel, lapack);
  }

  private AlsTrainer(
      AlsConfig config, ForkJoinPool pool, boolean ownsPool, GramKernel kernel, LAPACK lapack) {
    try {
      checkRequirements(config, lapack);
    } catch (IllegalStateException e) {
      if (ownsPool) {
        pool.shutdown();
      }
      throw e;
    }
    this.config = config;
    this.pool = pool;
    this.ownsPool = ownsPool;
    this.kernel = kernel;
    this.lapack = lapack;
  }

  /**
   * Fails fast when the config asks for something this JVM cannot give (native LAPACK), so that a
   * caller can check before loading any data. The constructors check it too.
   *
   * @throws IllegalStateException naming what is missing and why
   */
  public static void checkRequirements(AlsConfig config) {
    checkRequirements(config, LapackBackend.lapack());
  }

  private static void checkRequirements(AlsConfig config, LAPACK lapack) {
    if (config.requireNativeLapack() && !(lapack instanceof NativeLAPACK)) {
      throw new IllegalStateException(
          "native LAPACK is required (requireNativeLapack, --require-native) but "
              + lapack.getClass().getSimpleName() + " is pure Java"
              + (lapack == LapackBackend.status().lapack()
                  ? ": " + LapackBackend.status().fallbackReason()
                  : "")
              + "; run ./als4j doctor to see what was looked for");
    }
  }

  private static ForkJoinPool newPool(int threads) {
    return new ForkJoinPool(
        threads,
        p -> {
          ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
          t.setName("als4j-worker-" + t.getPoolIndex());
          return t;
        },
        null,
        false);
  }

  public AlsConfig config() {
    return config;
  }

  /** The Gram kernel this trainer uses. */
  public GramKernel kernel() {
    return kernel;
  }

  /** Trains with no progress reporting. */
  public AlsModel train(RatingMatrix ratings) {
    return train(ratings, TrainingListener.NONE);
  }

  /** Trains, reporting every iteration to {@code listener}. */
  public AlsModel train(RatingMatrix ratings, TrainingListener listener) {
    return train(ratings, listener, null, null);
  }

  /**
   * Trains with a validation curve and, optionally, early stopping.
   *
   * @param validator scores the model on held-out ratings after every iteration; may be null
   * @param stopping stop after {@code patience} iterations without improvement of the validation
   *     RMSE and return the best iteration's model; null to run every iteration (needs a validator)
   * @return the model. With early stopping it is the best iteration's, closed like every run by a
   *     user half-sweep against its item factors: exactly the model a run of that many iterations
   *     gives
   */
  public AlsModel train(
      RatingMatrix ratings, TrainingListener listener, Validator validator,
      EarlyStopping stopping) {
    if (stopping != null && validator == null) {
      throw new IllegalArgumentException("early stopping needs a validator (validation ratings)");
    }
    return drive(start(ratings), listener, validator, stopping);
  }

  /**
   * Trains from {@code initial}'s factors (and offsets) instead of the seeded random ones: a warm
   * start, for a model of the same ratings under a nearby setting (a search over λ) or of ratings
   * that changed a little. {@code initial} must have these ratings' users, items and rank, and
   * offsets exactly when this config has biases; it is copied, not changed.
   */
  public AlsModel train(RatingMatrix ratings, AlsModel initial) {
    TrainingRun run = start(ratings);
    run.startFrom(initial);
    return drive(run, TrainingListener.NONE, null, null);
  }

  private AlsModel drive(
      TrainingRun run, TrainingListener listener, Validator validator, EarlyStopping stopping) {
    final int iterations = config.iterations();
    double[][] best = null;
    double bestRmse = Double.POSITIVE_INFINITY;
    int sinceBest = 0;
    for (int it = 1; it <= iterations; it++) {
      long t0 = System.nanoTime();
      run.sweepUsers();
      run.sweepItems();
      double flops = run.flopsPerIteration();
      if (it == iterations && stopping == null) {
        // Close with the users solved against the final items: then every user vector is exactly
        // what fold-in computes from that user's ratings (FoldIn), and the loss drops once more.
        run.sweepUsers();
        flops += run.userSweepFlops();
      }
      double seconds = (System.nanoTime() - t0) * 1e-9;
      double[] validation =
          validator == null ? new double[] {Double.NaN, Double.NaN} : validator.score(run.model());
      if (listener != TrainingListener.NONE) {
        // The loss costs a pass over every rating: only for someone who listens.
        Loss loss = run.loss();
        listener.onIteration(
            new IterationStats(
                it, iterations, loss, seconds, run.numRatings() / seconds,
                flops / seconds * 1e-9, validation[0], validation[1]));
      }
      if (stopping != null) {
        if (validation[0] < bestRmse * (1 - stopping.minDelta())) {
          bestRmse = validation[0];
          best = run.snapshot();
          sinceBest = 0;
        } else if (++sinceBest >= stopping.patience()) {
          break;
        }
      }
    }
    if (stopping != null) {
      if (best != null) {
        run.restore(best);
      }
      run.sweepUsers();
    }
    return run.model();
  }

  /** Starts a run from the seeded random factors, to be driven one half-sweep at a time. */
  public TrainingRun start(RatingMatrix ratings) {
    return new TrainingRun(config, ratings, pool, kernel, lapack);
  }

  @Override
  public void close() {
    if (ownsPool) {
      pool.shutdown();
    }
  }
}
