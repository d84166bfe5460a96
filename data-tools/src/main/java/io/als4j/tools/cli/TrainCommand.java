package io.als4j.tools.cli;

import io.als4j.data.CompressedRows;
import io.als4j.data.Dataset;
import io.als4j.data.ExternalIds;
import io.als4j.data.RatingMatrix;
import io.als4j.kernel.GramKernels;
import io.als4j.model.AlsModel;
import io.als4j.serve.Recommender;
import io.als4j.solve.SpdSolvers;
import io.als4j.kernel.GramProductKernels;
import io.als4j.train.SolveMethod;
import io.als4j.tools.Ratings;
import io.als4j.tools.eval.Evaluation;
import io.als4j.tools.eval.Evaluator;
import io.als4j.tools.eval.HoldOutSplit;
import io.als4j.tools.eval.LambdaSearch;
import io.als4j.tools.eval.UnknownPolicy;
import io.als4j.tools.synth.SyntheticDataset;
import io.als4j.tools.synth.SyntheticRatings;
import io.als4j.tools.synth.PlantedValues;
import io.als4j.tools.synth.SyntheticSpec;
import io.als4j.train.AlsConfig;
import io.als4j.train.AlsTrainer;
import io.als4j.train.EarlyStopping;
import io.als4j.train.IterationStats;
import io.als4j.train.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code als4j train}: load or generate ratings, hold out a test set, train, and report the held-out
 * error.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Trains an ALS model and reports its error on held-out ratings.",
      "Without --input it generates a seeded synthetic data set shaped like MovieLens 1M"
          + " (power-law degrees, every user at least 20 ratings, whole-star ratings 1-5 from a"
          + " planted model: mean, user and item offsets, a rank-10 interaction and Gaussian"
          + " noise) and compares the result with the planted model's own error."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TrainingOptions training = new TrainingOptions();

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description =
          "A dataset store (from ./als4j import) or a rating file in any format import detects"
              + " (MovieLens, Netflix, MatrixMarket, delimited user item rating lines; gzip or"
              + " not). Default: synthetic data.")
  Path input;

  @Option(
      names = "--holdout",
      paramLabel = "FRACTION",
      description = "Fraction of ratings held out at random for testing (default: ${DEFAULT-VALUE}).")
  double holdout = 0.1;

  @Option(
      names = "--seed",
      description =
          "Seed of the initial factors, the hold-out split and the synthetic data"
              + " (default: ${DEFAULT-VALUE}).")
  long seed = AlsConfig.DEFAULT_SEED;

  @Option(
      names = "--validation-fraction",
      paramLabel = "F",
      description = "Hold out this fraction of the training ratings and report RMSE and MAE on them"
          + " after every iteration (default: none).")
  double validationFraction;

  @Option(
      names = "--early-stopping",
      paramLabel = "PATIENCE",
      description = "Stop when validation RMSE has not improved by --min-delta for PATIENCE"
          + " iterations, and keep the best iteration's model (needs --validation-fraction).")
  Integer patience;

  @Option(
      names = "--min-delta",
      description = "Relative improvement of validation RMSE that counts (default: ${DEFAULT-VALUE}).")
  double minDelta = 0.001;

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description = "Write the per-iteration history (loss, RMSE, validation, time, GFLOP/s) to a"
          + " .csv or .json file.")
  Path history;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      description = "Draw the convergence curves (training and validation RMSE, time) to a PNG.")
  Path plot;

  @Option(
      names = "--save",
      paramLabel = "FILE",
      description =
          "Write the trained model (factors, config, rated items, and the file's ids) to FILE,"
              + " for ./als4j recommend and similar.")
  Path save;

  @Option(
      names = "--users",
      description = "Synthetic data: users (default: ${DEFAULT-VALUE}, as MovieLens 1M).")
  int users = SyntheticSpec.movieLens1m(0).users();

  @Option(
      names = "--items",
      description = "Synthetic data: items (default: ${DEFAULT-VALUE}).")
  int items = SyntheticSpec.movieLens1m(0).items();

  @Option(
      names = "--ratings",
      description = "Synthetic data: ratings (default: ${DEFAULT-VALUE}).")
  long ratings = SyntheticSpec.movieLens1m(0).ratings();

  @Option(
      names = "--noise",
      description = "Synthetic data: noise standard deviation σ (default: ${DEFAULT-VALUE}).")
  double noise = SyntheticSpec.movieLens1m(0).values().noise();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    AlsConfig config = training.toConfig(seed);
    EarlyStopping stopping = patience == null ? null : new EarlyStopping(patience, minDelta);
    if (stopping != null && validationFraction <= 0) {
      throw new IllegalArgumentException(
          "--early-stopping needs validation ratings: add --validation-fraction, e.g. 0.1");
    }
    if (history != null) {
      HistoryFile.checkName(history);
    }
    if (plot != null) {
      ConvergencePlot.checkName(plot);
    }
    AlsTrainer.checkRequirements(config);
    SyntheticDataset synthetic = null;
    Ratings all;
    RatingMatrix full;
    ExternalIds userIds = null;
    ExternalIds itemIds = null;
    if (input == null) {
      SyntheticSpec defaults = SyntheticSpec.movieLens1m(seed);
      SyntheticSpec shape =
          defaults.withSize(users, items, ratings).withValues(defaults.values().withNoise(noise));
      synthetic = SyntheticRatings.generate(shape);
      all = synthetic.ratings();
      PlantedValues v = shape.values();
      out.printf(
          Locale.ROOT,
          "data: synthetic, MovieLens-1M-shaped (seed %d): mean %.2f + user and item offsets"
              + " (sd %.2f, %.2f) + planted rank %d (sd %.2f) + noise σ %.2f, whole stars %.0f..%.0f%n",
          seed, v.mean(), v.userOffsetSd(), v.itemOffsetSd(), v.rank(), v.interactionSd(),
          v.noise(), v.minRating(), v.maxRating());
      full = all.toMatrix();
    } else {
      Dataset dataset = DataInput.load(input, out);
      full = dataset.ratings();
      all = Ratings.fromMatrix(full);
      if (dataset.userIds() != null && dataset.itemIds() != null) {
        userIds = dataset.userIds();
        itemIds = dataset.itemIds();
      }
    }
    try (RatingMatrix summary = full) {
      out.printf(
          Locale.ROOT,
          "      %,d users × %,d items, %,d ratings; ratings per user %s; per item %s%n",
          summary.numUsers(), summary.numItems(), summary.numRatings(),
          degreeSummary(summary.byUser()), degreeSummary(summary.byItem()));
    }
    HoldOutSplit split = HoldOutSplit.random(all, holdout, seed);
    Ratings trainRatings = split.train();
    Ratings validation = null;
    if (validationFraction > 0) {
      HoldOutSplit inner = HoldOutSplit.random(split.train(), validationFraction, seed + 1);
      trainRatings = inner.train();
      validation = inner.test();
    }
    out.printf(
        Locale.ROOT,
        "split: %,d training, %,d held out (%.0f %% at random)%s%n",
        trainRatings.size(), split.test().size(), holdout * 100,
        validation == null ? "" : String.format(Locale.ROOT, ", %,d of the training ratings for"
            + " validation", validation.size()));
    if (training.searchesLambda()) {
      config = chooseLambda(out, trainRatings, config);
    }
    out.printf(
        Locale.ROOT,
        "train: rank %d, λ %s (%s)%s, %s factors, %d iterations, %d threads; Gram kernel %s;"
            + " solver %s%n",
        config.rank(), config.lambda(), config.lambdaMode().name().toLowerCase(Locale.ROOT),
        config.biases() ? ", biases" : "",
        config.factorPrecision().name().toLowerCase(Locale.ROOT),
        config.iterations(), config.threads(), GramKernels.active().description(),
        config.solveMethod() == SolveMethod.CONJUGATE_GRADIENT
            ? "conjugate gradient, " + config.cgSteps() + " steps per row from its current vector"
                + " (product kernel " + GramProductKernels.active().description() + ")"
            : SpdSolvers.describe(config.rank() + (config.biases() ? 1 : 0)));
    out.flush();

    long start = System.nanoTime();
    List<IterationStats> events = new ArrayList<>();
    final Ratings fitted = trainRatings;
    final Ratings validating = validation;
    try (RatingMatrix training = trainRatings.toMatrix();
        AlsTrainer trainer = new AlsTrainer(config)) {
      Validator validator = null;
      if (validating != null) {
        Evaluator v = Evaluator.forTraining(fitted, UnknownPolicy.DROP);
        validator = model -> {
          Evaluation e = v.evaluate(model, training, validating);
          return new double[] {e.rmse(), e.mae()};
        };
      }
      AlsModel model = trainer.train(training, stats -> {
        events.add(stats);
        printIteration(out, stats);
      }, validator, stopping);
      if (stopping != null && events.size() < config.iterations()) {
        // The kept iteration, by the trainer's rule: the last one that beat the best so far by
        // the relative min delta.
        int kept = 0;
        double best = Double.POSITIVE_INFINITY;
        for (IterationStats e : events) {
          if (e.validationRmse() < best * (1 - minDelta)) {
            best = e.validationRmse();
            kept = e.iteration();
          }
        }
        out.printf(Locale.ROOT, "stopped early after %d iterations; kept iteration %d (validation"
            + " RMSE %.4f)%n", events.size(), kept, best);
      }
      if (history != null) {
        HistoryFile.write(history, events);
        out.printf(Locale.ROOT, "wrote the history to %s%n", history);
      }
      if (plot != null) {
        ConvergencePlot.write(plot, events);
        out.printf(Locale.ROOT, "drew the convergence plot to %s%n", plot);
      }
      double seconds = (System.nanoTime() - start) * 1e-9;
      out.printf(Locale.ROOT, "trained in %.2f s%n", seconds);

      double[] range = fitted.range();
      Evaluator evaluator = Evaluator.forTraining(fitted, UnknownPolicy.DROP);
      Evaluation result = evaluator.evaluate(model, training, split.test());
      out.printf(
          Locale.ROOT,
          "held-out RMSE %.4f, MAE %.4f on %,d ratings (predictions clamped to [%s, %s]",
          result.rmse(), result.mae(), result.evaluated(), trim(range[0]), trim(range[1]));
      if (result.unknown() > 0) {
        out.printf(
            Locale.ROOT,
            "; %,d ratings of users or items with no training rating not scored",
            result.unknown());
      }
      out.printf(")%n");
      if (save != null) {
        try (Recommender served = Recommender.of(model, config, training, userIds, itemIds)) {
          served.save(save);
        }
        out.printf(
            Locale.ROOT, "saved the model to %s (%.1f MB)%n", save,
            java.nio.file.Files.size(save) / 1e6);
      }
      if (synthetic != null) {
        final SyntheticDataset data = synthetic;
        final int[] positions = split.testPositions();
        Evaluation oracle =
            evaluator.evaluate(
                split.test(),
                t -> training.byUser().degree(split.test().user(t)) > 0
                    && training.byItem().degree(split.test().item(t)) > 0,
                t -> data.planted(positions[t]));
        out.printf(
            Locale.ROOT,
            "planted noise σ %.4f before rounding to stars; the planted model itself scores RMSE %.4f"
                + " on the same ratings%n",
            data.spec().values().noise(), oracle.rmse());
      }
    }
    return 0;
  }

  /** Runs {@link LambdaSearch} on the training ratings and reports what it tried. */
  private AlsConfig chooseLambda(PrintWriter out, Ratings trainRatings, AlsConfig config) {
    long t0 = System.nanoTime();
    LambdaSearch.Result search = LambdaSearch.run(trainRatings, config, seed + 2);
    StringBuilder tried = new StringBuilder();
    for (LambdaSearch.Trial t : search.trials()) {
      tried.append(tried.length() == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%s → %.4f", t.lambda(), t.rmse()));
    }
    out.printf(Locale.ROOT,
        "λ: %s, chosen on %.0f %% of the training ratings (validation RMSE: %s) in %.1f s;"
            + " --lambda skips this%n",
        search.lambda(), LambdaSearch.VALIDATION_FRACTION * 100, tried,
        (System.nanoTime() - t0) * 1e-9);
    return config.toBuilder().lambda(search.lambda()).build();
  }

  private static void printIteration(PrintWriter out, IterationStats s) {
    out.printf(
        Locale.ROOT,
        "iter %3d/%d  loss %.6e  train RMSE %.4f  %7.3f s  %6.2f M ratings/s  %6.2f GFLOP/s%s%n",
        s.iteration(), s.iterations(), s.loss().total(), s.loss().rmse(), s.seconds(),
        s.ratingsPerSecond() / 1e6, s.gflops(),
        Double.isNaN(s.validationRmse()) ? ""
            : String.format(Locale.ROOT, "  validation RMSE %.4f", s.validationRmse()));
    out.flush();
  }

  private static String degreeSummary(CompressedRows rows) {
    int[] degrees = new int[rows.rows()];
    for (int r = 0; r < degrees.length; r++) {
      degrees[r] = rows.degree(r);
    }
    if (degrees.length == 0) {
      return "-";
    }
    Arrays.sort(degrees);
    return String.format(
        Locale.ROOT, "min %,d / median %,d / max %,d",
        degrees[0], degrees[degrees.length / 2], degrees[degrees.length - 1]);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
