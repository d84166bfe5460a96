package io.als4j.tools.cli;

import io.als4j.train.AlsConfig;
import io.als4j.train.LambdaMode;
import picocli.CommandLine.Option;

/** The hyperparameter options of every command that trains (train, evaluate --folds). */
final class TrainingOptions {
  @Option(names = {"-k", "--rank"}, description = "Number of latent factors K (default: ${DEFAULT-VALUE}).")
  int rank = AlsConfig.DEFAULT_RANK;

  @Option(names = "--lambda", description = "Regularization λ (default: ${DEFAULT-VALUE}).")
  double lambda = AlsConfig.DEFAULT_LAMBDA;

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
      description = "Learn a global mean and per-user and per-item offsets:"
          + " r = μ + b(user) + c(item) + w·u (default: off).")
  boolean biases;

  @Option(
      names = "--require-native",
      description = "Fail at once, instead of running the pure-Java LAPACK, when no native LAPACK"
          + " is available.")
  boolean requireNative;

  /** The validated config, with {@code seed} for the initial factors. */
  AlsConfig toConfig(long seed) {
    return AlsConfig.builder()
        .rank(rank)
        .lambda(lambda)
        .lambdaMode(lambdaMode)
        .iterations(iterations)
        .seed(seed)
        .threads(threads)
        .requireNativeLapack(requireNative)
        .biases(biases)
        .build();
  }
}
