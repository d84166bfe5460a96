package io.als4j.train;

/**
 * The hyperparameters of one training run. Immutable; build with {@link #builder()}, which checks
 * every value and says which one is wrong and what was expected.
 */
public final class AlsConfig {
  public static final int DEFAULT_RANK = 10;
  /**
   * Weighted λ between the best values on the MovieLens-100K- and 1M-shaped presets (about 0.12 and
   * 0.05); the command line instead chooses λ on the training ratings (data-tools' LambdaSearch).
   */
  public static final double DEFAULT_LAMBDA = 0.08;
  public static final LambdaMode DEFAULT_LAMBDA_MODE = LambdaMode.WEIGHTED;
  public static final int DEFAULT_ITERATIONS = 10;
  /** Explicit ratings are mostly offsets (a generous user, a loved movie): learn them by default. */
  public static final boolean DEFAULT_BIASES = true;
  public static final long DEFAULT_SEED = 42L;
  public static final SolveMethod DEFAULT_SOLVE_METHOD = SolveMethod.CHOLESKY;
  /** Float factors: half the memory traffic of the gathers that bound a sweep at small K. */
  public static final FactorPrecision DEFAULT_FACTOR_PRECISION = FactorPrecision.FLOAT;
  /** Conjugate-gradient steps per row and half-sweep: implicit's default, and enough warm-started. */
  public static final int DEFAULT_CG_STEPS = 3;
  public static final int MAX_CG_STEPS = 10_000;
  /** Upper bound on rank: each worker holds a rank × rank double Gram matrix and block. */
  public static final int MAX_RANK = 2048;
  /** ForkJoinPool's own limit on parallelism. */
  public static final int MAX_THREADS = 0x7fff;

  private final int rank;
  private final double lambda;
  private final LambdaMode lambdaMode;
  private final int iterations;
  private final long seed;
  private final int threads;
  private final boolean requireNativeLapack;
  private final boolean biases;
  private final SolveMethod solveMethod;
  private final int cgSteps;
  private final FactorPrecision factorPrecision;

  private AlsConfig(Builder b) {
    this.rank = b.rank;
    this.lambda = b.lambda;
    this.lambdaMode = b.lambdaMode;
    this.iterations = b.iterations;
    this.seed = b.seed;
    this.threads = b.threads;
    this.requireNativeLapack = b.requireNativeLapack;
    this.biases = b.biases;
    this.solveMethod = b.solveMethod;
    this.cgSteps = b.cgSteps;
    this.factorPrecision = b.factorPrecision;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .rank(rank)
        .lambda(lambda)
        .lambdaMode(lambdaMode)
        .iterations(iterations)
        .seed(seed)
        .threads(threads)
        .requireNativeLapack(requireNativeLapack)
        .biases(biases)
        .solveMethod(solveMethod)
        .cgSteps(cgSteps)
        .factorPrecision(factorPrecision);
  }

  /** K, the number of latent factors. */
  public int rank() {
    return rank;
  }

  /** λ, the base regularization strength. */
  public double lambda() {
    return lambda;
  }

  public LambdaMode lambdaMode() {
    return lambdaMode;
  }

  /** T, the number of full iterations (a user half-sweep followed by an item half-sweep). */
  public int iterations() {
    return iterations;
  }

  /** Seed of the random initial factors; the same seed gives bit-identical factors. */
  public long seed() {
    return seed;
  }

  /** Parallelism of the trainer's own ForkJoinPool. Does not change the result. */
  public int threads() {
    return threads;
  }

  /**
   * Whether training must fail fast, instead of running netlib's pure-Java LAPACK, when no native
   * LAPACK could be loaded.
   */
  public boolean requireNativeLapack() {
    return requireNativeLapack;
  }

  /**
   * Whether the model learns a global mean μ and per-user and per-item offsets bᵢ, cⱼ:
   * r̂ᵢⱼ = μ + bᵢ + cⱼ + wᵢ·uⱼ. The offsets are solved inside the same alternating solves, as one
   * more unknown of each row's system, with the same λᵢ.
   */
  public boolean biases() {
    return biases;
  }

  /** How each row's system is solved: exactly by Cholesky (the default) or by conjugate gradient. */
  public SolveMethod solveMethod() {
    return solveMethod;
  }

  /** Conjugate-gradient steps per row and half-sweep (used with {@link SolveMethod#CONJUGATE_GRADIENT}). */
  public int cgSteps() {
    return cgSteps;
  }

  /** Whether solved factors are rounded to float (the default) or kept in double. */
  public FactorPrecision factorPrecision() {
    return factorPrecision;
  }

  /** λᵢ for a row with {@code ratings} ratings. */
  public double lambdaFor(int ratings) {
    return lambdaMode == LambdaMode.WEIGHTED ? lambda * ratings : lambda;
  }

  @Override
  public String toString() {
    return "rank=" + rank + " lambda=" + lambda + " lambdaMode=" + lambdaMode
        + " iterations=" + iterations + " seed=" + seed + " threads=" + threads
        + " requireNativeLapack=" + requireNativeLapack + " biases=" + biases
        + (solveMethod == SolveMethod.CHOLESKY ? "" : " solveMethod=" + solveMethod + " cgSteps=" + cgSteps)
        + " factors=" + factorPrecision;
  }

  /** Collects values; {@link #build()} validates them all. */
  public static final class Builder {
    private int rank = DEFAULT_RANK;
    private double lambda = DEFAULT_LAMBDA;
    private LambdaMode lambdaMode = DEFAULT_LAMBDA_MODE;
    private int iterations = DEFAULT_ITERATIONS;
    private long seed = DEFAULT_SEED;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean requireNativeLapack;
    private boolean biases = DEFAULT_BIASES;
    private SolveMethod solveMethod = DEFAULT_SOLVE_METHOD;
    private int cgSteps = DEFAULT_CG_STEPS;
    private FactorPrecision factorPrecision = DEFAULT_FACTOR_PRECISION;

    private Builder() {}

    public Builder factorPrecision(FactorPrecision factorPrecision) {
      this.factorPrecision = factorPrecision;
      return this;
    }

    public Builder solveMethod(SolveMethod solveMethod) {
      this.solveMethod = solveMethod;
      return this;
    }

    public Builder cgSteps(int cgSteps) {
      this.cgSteps = cgSteps;
      return this;
    }

    public Builder rank(int rank) {
      this.rank = rank;
      return this;
    }

    public Builder lambda(double lambda) {
      this.lambda = lambda;
      return this;
    }

    public Builder lambdaMode(LambdaMode lambdaMode) {
      this.lambdaMode = lambdaMode;
      return this;
    }

    public Builder iterations(int iterations) {
      this.iterations = iterations;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder biases(boolean biases) {
      this.biases = biases;
      return this;
    }

    public Builder requireNativeLapack(boolean requireNativeLapack) {
      this.requireNativeLapack = requireNativeLapack;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid value and what was expected
     */
    public AlsConfig build() {
      if (rank < 1 || rank > MAX_RANK) {
        throw new IllegalArgumentException(
            "rank: " + rank + " (expected: 1.." + MAX_RANK + ")");
      }
      if (!(lambda >= 0) || Double.isInfinite(lambda)) {
        throw new IllegalArgumentException(
            "lambda: " + lambda + " (expected: a finite number >= 0)");
      }
      if (lambdaMode == null) {
        throw new IllegalArgumentException("lambdaMode: null (expected: PLAIN or WEIGHTED)");
      }
      if (iterations < 0) {
        throw new IllegalArgumentException("iterations: " + iterations + " (expected: >= 0)");
      }
      if (solveMethod == null) {
        throw new IllegalArgumentException(
            "solveMethod: null (expected: CHOLESKY or CONJUGATE_GRADIENT)");
      }
      if (factorPrecision == null) {
        throw new IllegalArgumentException("factorPrecision: null (expected: FLOAT or DOUBLE)");
      }
      if (cgSteps < 1 || cgSteps > MAX_CG_STEPS) {
        throw new IllegalArgumentException(
            "cgSteps: " + cgSteps + " (expected: 1.." + MAX_CG_STEPS + ")");
      }
      if (threads < 1 || threads > MAX_THREADS) {
        throw new IllegalArgumentException(
            "threads: " + threads + " (expected: 1.." + MAX_THREADS + ")");
      }
      return new AlsConfig(this);
    }
  }
}
