package io.als4j.tools.cli;

import io.als4j.data.Dataset;
import io.als4j.tools.Ratings;
import io.als4j.tools.eval.CrossValidation;
import io.als4j.tools.eval.UnknownPolicy;
import io.als4j.train.AlsConfig;
import io.als4j.train.LambdaMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code als4j tune}: k-fold cross-validation over a grid (or a sample) of hyperparameters. */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Cross-validates every combination of the listed ranks, λ values, λ modes and bias settings"
          + " (or a seeded random sample of them), one at a time on all threads, and prints them"
          + " sorted by mean RMSE; writes PREFIX.csv and PREFIX.json."
    })
final class TuneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "DATA", description = "The ratings.")
  Path input;

  @Option(names = "--folds", description = "Folds (default: ${DEFAULT-VALUE}).")
  int folds = 5;

  @Option(names = "--ranks", split = ",", description = "Ranks to try (default: 10,20).")
  List<Integer> ranks = List.of(10, 20);

  @Option(names = "--lambdas", split = ",", description = "λ values to try (default: 0.02,0.05,0.1).")
  List<Double> lambdas = List.of(0.02, 0.05, 0.1);

  @Option(names = "--lambda-modes", split = ",", description = "WEIGHTED and/or PLAIN (default: WEIGHTED).")
  List<LambdaMode> modes = List.of(LambdaMode.WEIGHTED);

  @Option(names = "--biases", split = ",", arity = "1",
      description = "false and/or true (default: false,true).")
  List<Boolean> biases = List.of(false, true);

  @Option(names = "--sample", description = "Try only this many combinations, drawn at random (seeded).")
  Integer sample;

  @Option(names = {"-t", "--iterations"}, description = "Iterations per training (default: ${DEFAULT-VALUE}).")
  int iterations = AlsConfig.DEFAULT_ITERATIONS;

  @Option(names = "--threads", description = "Threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--seed", description = "Seed of folds, factors and sample (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = {"-o", "--output"}, paramLabel = "PREFIX",
      description = "Write the table to PREFIX.csv and PREFIX.json (default: ${DEFAULT-VALUE}).")
  String output = "tune";

  /** One tried configuration and its cross-validated error. */
  record Row(AlsConfig config, CrossValidation.Summary summary, double seconds) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<AlsConfig> grid = new ArrayList<>();
    for (int rank : ranks) {
      for (double lambda : lambdas) {
        for (LambdaMode mode : modes) {
          for (boolean bias : biases) {
            grid.add(AlsConfig.builder().rank(rank).lambda(lambda).lambdaMode(mode).biases(bias)
                .iterations(iterations).threads(threads).seed(seed).build());
          }
        }
      }
    }
    if (sample != null && sample < grid.size()) {
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = grid.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        AlsConfig x = grid.get(i);
        grid.set(i, grid.get(j));
        grid.set(j, x);
      }
      grid = new ArrayList<>(grid.subList(0, Math.max(1, sample)));
    }
    List<Row> rows = new ArrayList<>();
    try (Dataset data = DataInput.load(input, out)) {
      Ratings all = Ratings.fromMatrix(data.ratings());
      out.printf(Locale.ROOT, "%d configurations × %d folds%n", grid.size(), folds);
      for (AlsConfig config : grid) {
        long t0 = System.nanoTime();
        List<CrossValidation.Fold> results =
            CrossValidation.run(all, folds, seed, config, false, UnknownPolicy.DROP, true, f -> {});
        Row row = new Row(config, CrossValidation.summarize(results), (System.nanoTime() - t0) * 1e-9);
        rows.add(row);
        out.println("  " + describe(row));
        out.flush();
      }
    }
    rows.sort(Comparator.comparingDouble(r -> r.summary().rmseMean()));
    out.println("sorted by mean RMSE:");
    for (int i = 0; i < rows.size(); i++) {
      out.printf(Locale.ROOT, "%3d. %s%n", i + 1, describe(rows.get(i)));
    }
    write(rows);
    out.printf(Locale.ROOT, "wrote %s.csv and %s.json%n", output, output);
    return 0;
  }

  private static String describe(Row r) {
    AlsConfig c = r.config();
    return String.format(Locale.ROOT,
        "rank %3d  λ %-6s %-8s biases %-5s  RMSE %.4f ± %.4f  MAE %.4f ± %.4f  %6.1f s", c.rank(),
        c.lambda(), c.lambdaMode().name().toLowerCase(Locale.ROOT), c.biases(),
        r.summary().rmseMean(), r.summary().rmseSd(), r.summary().maeMean(), r.summary().maeSd(),
        r.seconds());
  }

  private void write(List<Row> rows) throws IOException {
    List<Map<String, Object>> table = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", r.config().rank());
      m.put("lambda", r.config().lambda());
      m.put("lambda_mode", r.config().lambdaMode().name().toLowerCase(Locale.ROOT));
      m.put("biases", r.config().biases());
      m.put("rmse_mean", r.summary().rmseMean());
      m.put("rmse_sd", r.summary().rmseSd());
      m.put("mae_mean", r.summary().maeMean());
      m.put("mae_sd", r.summary().maeSd());
      m.put("seconds", r.seconds());
      table.add(m);
    }
    TableFile.writeCsv(Path.of(output + ".csv"), table);
    TableFile.writeJson(Path.of(output + ".json"), table);
  }
}
