package io.als4j.tools.cli;

import io.als4j.data.Dataset;
import io.als4j.data.DatasetFile;
import io.als4j.data.RatingMatrix;
import io.als4j.tools.Ratings;
import io.als4j.tools.eval.Splits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code als4j split}: train/test dataset stores from one data set, reproducibly. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Splits ratings into training and test stores that keep the input's users, items and ids.",
      "Writes PREFIX-train.als4j and PREFIX-test.als4j, or PREFIX-foldN-train/test.als4j for"
          + " kfold."
    })
final class SplitCommand implements Callable<Integer> {
  /** The split rules. */
  enum Method {
    RANDOM, LEAVE_K_OUT, TEMPORAL, KFOLD
  }

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "DATA",
      description = "A dataset store or a rating file.")
  Path input;

  @Option(names = "--method", converter = MethodConverter.class,
      description = "random (a fraction at random), leave-k-out (k per user), temporal (each"
          + " user's latest fraction), kfold (default: ${DEFAULT-VALUE}).")
  Method method = Method.RANDOM;

  @Option(names = "--fraction", description = "random, temporal: test fraction (default: ${DEFAULT-VALUE}).")
  double fraction = 0.1;

  @Option(names = "--k", description = "leave-k-out: ratings held out per user (default: ${DEFAULT-VALUE}).")
  int k = 1;

  @Option(names = "--folds", description = "kfold: number of folds (default: ${DEFAULT-VALUE}).")
  int folds = 5;

  @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "PREFIX",
      description = "Path prefix of the stores to write.")
  String output;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (Dataset data = DataInput.load(input, out)) {
      Ratings all = Ratings.fromMatrix(data.ratings());
      if (method == Method.KFOLD) {
        int[][] parts = Splits.kFold(all, folds, seed);
        for (int f = 0; f < folds; f++) {
          write(out, data, all, parts[f], output + "-fold" + (f + 1));
        }
      } else {
        int[] test = switch (method) {
          case RANDOM -> Splits.random(all, fraction, seed);
          case LEAVE_K_OUT -> Splits.leaveKOut(all, k, seed);
          default -> Splits.temporal(all, fraction);
        };
        write(out, data, all, test, output);
      }
    }
    return 0;
  }

  private static void write(PrintWriter out, Dataset data, Ratings all, int[] test, String prefix)
      throws IOException {
    Path train = Path.of(prefix + "-train.als4j");
    Path testFile = Path.of(prefix + "-test.als4j");
    try (RatingMatrix m = all.select(all.complement(test)).toMatrix()) {
      DatasetFile.write(new Dataset(m, data.userIds(), data.itemIds()), train);
    }
    try (RatingMatrix m = all.select(test).toMatrix()) {
      DatasetFile.write(new Dataset(m, data.userIds(), data.itemIds()), testFile);
    }
    out.printf(Locale.ROOT, "%s: %,d ratings; %s: %,d ratings%n", train, all.size() - test.length,
        testFile, test.length);
  }

  static final class MethodConverter implements picocli.CommandLine.ITypeConverter<Method> {
    @Override
    public Method convert(String value) {
      try {
        return Method.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--method: " + value + " (expected: random, leave-k-out, temporal or kfold)");
      }
    }
  }
}
