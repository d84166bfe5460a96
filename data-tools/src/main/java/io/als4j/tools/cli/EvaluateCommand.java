package io.als4j.tools.cli;

import io.als4j.data.Dataset;
import io.als4j.data.ExternalIds;
import io.als4j.serve.Recommender;
import io.als4j.tools.Ratings;
import io.als4j.tools.eval.CrossValidation;
import io.als4j.tools.eval.Evaluation;
import io.als4j.tools.eval.Evaluator;
import io.als4j.tools.eval.UnknownPolicy;
import io.als4j.train.AlsConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code als4j evaluate}: a saved model on a test set, or k-fold cross-validation. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "RMSE and MAE of a saved model on a test set (--model, --test), or k-fold cross-validation"
          + " of a training configuration (--input, --folds).",
      "Predictions are clamped to the training rating range (--no-clamp: raw scores)."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  static final class Mode {
    @ArgGroup(exclusive = false)
    ModelMode model;

    @ArgGroup(exclusive = false)
    CrossMode cross;
  }

  static final class ModelMode {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model from train --save.")
    Path model;

    @Option(names = "--test", required = true, paramLabel = "DATA",
        description = "Test ratings: a store (split writes them) or a rating file.")
    Path test;
  }

  static final class CrossMode {
    @Option(names = "--input", required = true, paramLabel = "DATA", description = "The ratings.")
    Path input;

    @Option(names = "--folds", description = "Number of folds (default: ${DEFAULT-VALUE}).")
    int folds = 5;

    /** Null when none of its options is given (picocli's rule for groups): then the defaults. */
    @ArgGroup(exclusive = false)
    TrainingOptions training;
  }

  @Option(names = "--unknown",
      description = "Test ratings of users or items the model never saw: DROP or MEAN (predict the"
          + " training mean); counted either way (default: ${DEFAULT-VALUE}).")
  UnknownPolicy unknown = UnknownPolicy.DROP;

  @Option(names = "--no-clamp",
      description = "Score raw predictions instead of clamping them to the training rating range.")
  boolean noClamp;

  @Option(names = "--seed", description = "Seed of the folds and the factors (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (mode.model != null) {
      return evaluateModel(out, mode.model);
    }
    return crossValidate(out, mode.cross);
  }

  private int evaluateModel(PrintWriter out, ModelMode m) throws Exception {
    try (Recommender model = Recommender.load(m.model);
        Dataset data = DataInput.load(m.test, out)) {
      Ratings test = Ratings.fromMatrix(data.ratings());
      int[] users = indices(model, data.userIds(), test.numUsers(), true);
      int[] items = indices(model, data.itemIds(), test.numItems(), false);
      if (unknown == UnknownPolicy.MEAN && Double.isNaN(model.ratingMean())) {
        throw new IllegalArgumentException(
            "--unknown MEAN: the model does not know its training mean (saved without ratings)");
      }
      Evaluator evaluator =
          new Evaluator(model.ratingMin(), model.ratingMax(), model.ratingMean(), unknown);
      if (noClamp) {
        evaluator = evaluator.withoutClamping();
      }
      Evaluation e = evaluator.evaluate(
          test,
          t -> {
            int u = users[test.user(t)];
            int i = items[test.item(t)];
            return u >= 0 && i >= 0 && model.knowsUser(u) && model.knowsItem(i);
          },
          t -> model.score(users[test.user(t)], items[test.item(t)]));
      out.printf(Locale.ROOT, "RMSE %.4f, MAE %.4f on %,d ratings; %,d of users or items the model"
          + " does not know (%s)%n", e.rmse(), e.mae(), e.evaluated(), e.unknown(),
          unknown == UnknownPolicy.DROP ? "dropped" : "predicted as the training mean");
    }
    return 0;
  }

  /**
   * The model's index of each of the test set's users (or items); -1 where the model has none. Ids
   * match by value, integer or string; without ids on both sides, dense indices match.
   */
  private static int[] indices(Recommender model, ExternalIds ids, int count, boolean users) {
    int[] map = new int[count];
    if (model.hasIds() && ids != null) {
      for (int i = 0; i < count; i++) {
        if (ids.numeric() && model.hasNumericIds()) {
          map[i] = users ? model.userIndex(ids.number(i)) : model.itemIndex(ids.number(i));
        } else {
          map[i] = users ? model.userIndex(ids.name(i)) : model.itemIndex(ids.name(i));
        }
      }
      return map;
    }
    int modelCount = users ? model.numUsers() : model.numItems();
    if (model.hasIds() || ids != null && !ids.numeric()) {
      throw new IllegalArgumentException(
          "only one of the model and the test set carries its own ids, so their "
              + (users ? "users" : "items") + " cannot be matched");
    }
    for (int i = 0; i < count; i++) {
      map[i] = i < modelCount ? i : -1;
    }
    return map;
  }

  private int crossValidate(PrintWriter out, CrossMode c) throws Exception {
    TrainingOptions options = c.training == null ? new TrainingOptions() : c.training;
    AlsConfig config = options.toConfig(seed);
    try (Dataset data = DataInput.load(c.input, out)) {
      Ratings all = Ratings.fromMatrix(data.ratings());
      out.printf(Locale.ROOT, "%d-fold cross-validation: %s%n", c.folds,
          options.searchesLambda()
              ? config.toString().replace("lambda=" + config.lambda(),
                  "lambda=(chosen on each fold's training ratings)")
              : config);
      out.printf(Locale.ROOT, "%5s %8s %8s %10s %8s %8s%n", "fold", "RMSE", "MAE", "unknown", "λ",
          "seconds");
      List<CrossValidation.Fold> folds = CrossValidation.run(all, c.folds, seed, config,
          options.searchesLambda(), unknown, !noClamp,
          f -> {
            out.printf(Locale.ROOT, "%5d %8.4f %8.4f %,10d %8.3g %8.2f%n", f.fold(),
                f.evaluation().rmse(), f.evaluation().mae(), f.evaluation().unknown(), f.lambda(),
                f.seconds());
            out.flush();
          });
      CrossValidation.Summary s = CrossValidation.summarize(folds);
      out.printf(Locale.ROOT, "RMSE %.4f ± %.4f, MAE %.4f ± %.4f (mean ± standard deviation over"
          + " %d folds)%n", s.rmseMean(), s.rmseSd(), s.maeMean(), s.maeSd(), folds.size());
    }
    return 0;
  }
}
