package io.als4j.tools.cli;

import io.als4j.serve.Recommender;
import io.als4j.serve.ServingContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code als4j similar}: the items most similar to one, from a saved model. */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    description = "Prints the n items most similar to an item (cosine of their factors).")
final class SimilarCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelQueryOptions query = new ModelQueryOptions();

  @Option(
      names = "--item",
      required = true,
      description = "The item: its id in the training file (or its index for synthetic data).")
  String item;


  @Override
  public Integer call() throws Exception {
    try (Recommender recommender = Recommender.load(query.model)) {
      int index = ModelQuery.index(recommender, false, item);
      ServingContext ctx = recommender.newContext(Math.max(1, query.n));
      recommender.similarItems(index, query.n, null, ctx);
      ModelQuery.print(spec.commandLine().getOut(), recommender, ctx, "cosine");
    }
    return 0;
  }
}
