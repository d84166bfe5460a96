package io.als4j.tools.cli;

import io.als4j.serve.Recommender;
import io.als4j.serve.ServingContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code als4j recommend}: a user's top-n items from a saved model. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = "Prints a user's top-n items by predicted rating, from a model saved by train --save.")
final class RecommendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model file.")
  Path model;

  @Option(
      names = "--user",
      required = true,
      description = "The user: its id in the training file (or its index for synthetic data).")
  long user;

  @Option(names = "-n", description = "How many items (default: ${DEFAULT-VALUE}).")
  int n = 10;

  @Option(
      names = "--include-rated",
      description = "Also recommend items the user rated in training (left out by default).")
  boolean includeRated;

  @Override
  public Integer call() throws Exception {
    try (Recommender recommender = Recommender.load(model)) {
      int index = ModelQuery.index(recommender, true, user);
      ServingContext ctx = recommender.newContext(Math.max(1, n));
      recommender.recommend(
          index, n, !includeRated && recommender.hasRatedItems(), null, ctx);
      ModelQuery.print(spec.commandLine().getOut(), recommender, ctx, "score");
    }
    return 0;
  }
}
