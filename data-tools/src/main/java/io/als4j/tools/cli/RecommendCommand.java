package io.als4j.tools.cli;

import io.als4j.serve.Recommender;
import io.als4j.serve.ServingContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin ModelQueryOptions query = new ModelQueryOptions();

  @Option(
      names = "--user",
      required = true,
      description = "The user: its id in the training file (or its index for synthetic data).")
  String user;


  @Option(
      names = "--include-rated",
      description = "Also recommend items the user rated in training (left out by default).")
  boolean includeRated;

  @Override
  public Integer call() throws Exception {
    try (Recommender recommender = Recommender.load(query.model)) {
      int index = ModelQuery.index(recommender, true, user);
      ServingContext ctx = recommender.newContext(Math.max(1, query.n));
      recommender.recommend(
          index, query.n, !includeRated && recommender.hasRatedItems(), null, ctx);
      ModelQuery.print(spec.commandLine().getOut(), recommender, ctx, "score");
    }
    return 0;
  }
}
