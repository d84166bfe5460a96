package io.als4j.train;

import dev.ludovic.netlib.lapack.LAPACK;
import io.als4j.kernel.GramKernel;
import io.als4j.kernel.GramKernels;
import io.als4j.solve.LapackBackend;

/**
 * A user vector from that user's ratings against fixed item factors, by the same regularized normal
 * equations (and the same code) as training: for items j with ratings rⱼ,
 *
 * <pre>(Σⱼ uⱼuⱼᵀ + λᵢ I) w = Σⱼ rⱼ uⱼ</pre>
 *
 * with λᵢ from the training config's λ rule, the solution rounded to the config's factor precision
 * as training stores it. Given a trained user's own ratings in item order it
 * returns that user's trained vector (the trainer ends with a user half-sweep for that reason).
 *
 * <p>Holds one worker's scratch: not thread-safe, use one per thread. Allocates nothing per call.
 */
public final class FoldIn {
  private final AlsConfig config;
  private final NormalEquations equations;

  /** With the JVM's active Gram kernel and LAPACK, as training uses them. */
  public FoldIn(AlsConfig config) {
    this(config, GramKernels.active(), LapackBackend.lapack());
  }

  public FoldIn(AlsConfig config, GramKernel kernel, LAPACK lapack) {
    this.config = config;
    this.equations = new NormalEquations(
        kernel, lapack, config.rank(), config.biases(), config.factorPrecision());
  }

  /**
   * Solves for the vector of a user who rated {@code items[0..count)} with {@code ratings}; writes
   * it to {@code out[0..rank)}. No ratings gives the zero vector. Indices are trusted (checked by
   * the caller).
   *
   * @param itemFactors item factors, row-major, rank wide
   * @throws SolveFailedException if the system is not positive definite (λ = 0 and too few ratings)
   */
  public void solve(double[] itemFactors, int[] items, float[] ratings, int count, double[] out) {
    if (config.biases()) {
      throw new IllegalStateException("this model has biases: use the solve with item offsets");
    }
    if (count == 0) {
      java.util.Arrays.fill(out, 0, config.rank(), 0.0);
      return;
    }
    equations.reset();
    for (int t = 0; t < count; t++) {
      equations.add(itemFactors, items[t], ratings[t]);
    }
    final double lambda = config.lambdaFor(count);
    final int info = equations.solve(lambda, out, 0);
    if (info != 0) {
      throw HalfSweep.failure(Side.USERS, -1, info, count, lambda);
    }
  }

  /**
   * With biases: fits the ratings minus {@code mean} and the items' offsets, and writes the user's
   * vector to {@code out[0..rank)} and its offset to {@code out[rank]}.
   */
  public void solve(
      double[] itemFactors, double[] itemBias, double mean, int[] items, float[] ratings,
      int count, double[] out) {
    if (!config.biases()) {
      throw new IllegalStateException("this model has no biases: use the solve without offsets");
    }
    final int k = config.rank();
    if (count == 0) {
      java.util.Arrays.fill(out, 0, k + 1, 0.0);
      return;
    }
    equations.reset();
    for (int t = 0; t < count; t++) {
      equations.add(itemFactors, items[t], ratings[t] - mean - itemBias[items[t]]);
    }
    final double lambda = config.lambdaFor(count);
    final int info = equations.solve(lambda, out, 0);
    if (info != 0) {
      throw HalfSweep.failure(Side.USERS, -1, info, count, lambda);
    }
    out[k] = equations.bias();
  }
}
