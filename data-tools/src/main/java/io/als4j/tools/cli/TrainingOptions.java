package io.als4j.tools.cli;

import io.als4j.train.AlsConfig;
import io.als4j.train.FactorPrecision;
import io.als4j.train.LambdaMode;
import io.als4j.train.SolveMethod;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The hyperparameter options of every command that trains (train, evaluate --folds). */
final class TrainingOptions {
  @Option(names = {"-k", "--rank"}, description = "Number of latent factors K (default: ${DEFAULT-VALUE}).")
  int rank = AlsConfig.DEFAULT_RANK;

  @Option(
      names = "--lambda",
      description = "Regularization λ (default: chosen on the training ratings: a tenth of them is"
          + " held out and λ climbs a grid from 0.02 to 0.28 towards lower RMSE there).")
  Double lambda;

  @Option(
      names = "--lambda-mode",
      description =
          "WEIGHTED: λ·(ratings of the row), as in ALS-WR; PLAIN: λ for every row"
              + " (default: ${DEFAULT-VALUE}).")
  LambdaMode lambdaMode = AlsConfig.DEFAULT_LAMBDA_MODE;

  @Option(
      names = {"-t", "--iterations"},
      description = "Full iterations, each a user and an item half-sweep (default: ${DEFAULT-VALUE}).")
  int iterations = AlsConfig.DEFAULT_ITERATIONS;

  @Option(names = "--threads", description = "Worker threads (default: the number of cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--biases",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Learn a global mean and per-user and per-item offsets:"
          + " r = μ + b(user) + c(item) + w·u (default: on; --no-biases: plain w·u).")
  boolean biases = true;

  @Option(
      names = "--solver",
      converter = SolveMethodConverter.class,
      description = "How each row's system is solved: cholesky (exact) or cg (a few conjugate-gradient"
          + " steps from the row's current vector: cheaper per iteration at large K, needs a few"
          + " more iterations) (default: cholesky).")
  SolveMethod solveMethod = AlsConfig.DEFAULT_SOLVE_METHOD;

  @Option(
      names = "--cg-steps",
      description = "Conjugate-gradient steps per row and half-sweep, with --solver cg"
          + " (default: ${DEFAULT-VALUE}).")
  int cgSteps = AlsConfig.DEFAULT_CG_STEPS;

  @Option(
      names = "--factors",
      description = "FLOAT: every solved factor is rounded to float and the sweeps gather floats,"
          + " half the memory traffic (as Spark, implicit and LibMF keep them); DOUBLE: full"
          + " precision (default: ${DEFAULT-VALUE}).")
  FactorPrecision factorPrecision = AlsConfig.DEFAULT_FACTOR_PRECISION;

  @Option(
      names = "--require-native",
      description = "Fail at once, instead of running the pure-Java LAPACK, when no native LAPACK"
          + " is available.")
  boolean requireNative;

  /** Whether λ is to be chosen on the training ratings ({@link io.als4j.tools.eval.LambdaSearch}). */
  boolean searchesLambda() {
    return lambda == null;
  }

  /**
   * The validated config, with {@code seed} for the initial factors; when {@link #searchesLambda},
   * λ is a placeholder for the search to replace.
   */
  AlsConfig toConfig(long seed) {
    return AlsConfig.builder()
        .rank(rank)
        .lambda(lambda == null ? AlsConfig.DEFAULT_LAMBDA : lambda)
        .lambdaMode(lambdaMode)
        .iterations(iterations)
        .seed(seed)
        .threads(threads)
        .requireNativeLapack(requireNative)
        .biases(biases)
        .solveMethod(solveMethod)
        .cgSteps(cgSteps)
        .factorPrecision(factorPrecision)
        .build();
  }

  /** "cholesky" or "cg", the names users type. */
  static final class SolveMethodConverter implements ITypeConverter<SolveMethod> {
    @Override
    public SolveMethod convert(String value) {
      switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "cholesky":
          return SolveMethod.CHOLESKY;
        case "cg":
        case "conjugate-gradient":
          return SolveMethod.CONJUGATE_GRADIENT;
        default:
          throw new TypeConversionException("'" + value + "' (expected: cholesky or cg)");
      }
    }
  }
}
