package io.als4j.tools.cli;

import io.als4j.data.Dataset;
import io.als4j.data.DatasetFile;
import io.als4j.data.RatingMatrix;
import io.als4j.tools.Ratings;
import io.als4j.tools.synth.PlantedValues;
import io.als4j.tools.synth.SyntheticRatings;
import io.als4j.tools.synth.SyntheticSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code als4j generate}: a synthetic rating set with the shape of a real one. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates ratings with the shape of a real data set (power-law user and item degrees) from"
          + " a planted model: mean + user and item offsets + a low-rank interaction + Gaussian"
          + " noise, rounded to the scale's stars and clamped to its range.",
      "Writes a dataset store, or with -o ending in .csv a MovieLens-style ratings.csv"
          + " (userId,movieId,rating,timestamp; 1-based ids, seeded timestamps in 1996-2015)."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--preset",
      description = "ml-100k, ml-1m, ml-20m or netflix (default: ${DEFAULT-VALUE}).")
  String preset = "ml-1m";

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "Where to write: a store, or a .csv text file.")
  Path output;

  @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--noise", description = "Noise σ (default: the preset's, 0.75).")
  Double noise;

  @Option(names = "--rank", description = "Planted rank (default: the preset's, 10).")
  Integer rank;

  @Option(names = "--users", description = "Number of users (default: the preset's).")
  Integer users;

  @Option(names = "--items", description = "Number of items (default: the preset's).")
  Integer items;

  @Option(names = "--ratings", description = "Number of ratings, exactly (default: the preset's;"
      + " scaled with --users when only that is given).")
  Long ratings;

  @Option(names = "--min-per-user",
      description = "Ratings every user has at least (default: the preset's, 20 or 1).")
  Integer minPerUser;

  @Option(names = "--user-exponent", description = "Pareto tail index α of the user degrees"
      + " (smaller: heavier tail; default: the preset's, 1.2).")
  Double userExponent;

  @Option(names = "--item-exponent", description = "Zipf exponent s of item popularity"
      + " (0: uniform; default: the preset's, 0.9).")
  Double itemExponent;

  @Option(names = "--rating-range", paramLabel = "MIN..MAX",
      description = "The rating scale (default: the preset's, 1..5 or 0.5..5).")
  String ratingRange;

  @Option(names = "--step",
      description = "Rating granularity: 1 stars, 0.5 half stars, 0 continuous (default: the"
          + " preset's).")
  Double step;

  @Option(names = "--mean", description = "Centre of the planted ratings (default: the preset's).")
  Double mean;

  /** The preset with every option given on the command line applied. */
  SyntheticSpec shape() {
    SyntheticSpec p = SyntheticSpec.preset(preset, seed);
    PlantedValues v = p.values();
    double min = v.minRating();
    double max = v.maxRating();
    if (ratingRange != null) {
      double[] range = ImportCommand.ratingRange(ratingRange);
      min = range[0];
      max = range[1];
    }
    v = new PlantedValues(rank != null ? rank : v.rank(), v.interactionSd(),
        mean != null ? mean : v.mean(), v.userOffsetSd(), v.itemOffsetSd(),
        noise != null ? noise : v.noise(), min, max, step != null ? step : v.step());
    int u = users != null ? users : p.users();
    long r = ratings != null ? ratings
        : users != null ? Math.round((double) p.ratings() * u / p.users()) : p.ratings();
    return new SyntheticSpec(u, items != null ? items : p.items(), r,
        minPerUser != null ? minPerUser : p.minPerUser(),
        userExponent != null ? userExponent : p.userExponent(),
        itemExponent != null ? itemExponent : p.itemExponent(), v, seed);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    SyntheticSpec shape = shape();
    long t0 = System.nanoTime();
    Ratings ratings = SyntheticRatings.generate(shape).ratings();
    double seconds = (System.nanoTime() - t0) * 1e-9;
    out.printf(Locale.ROOT, "generated %,d ratings (%,d users × %,d items) in %.2f s (%.1f M/s)%n",
        ratings.size(), shape.users(), shape.items(), seconds, ratings.size() / seconds / 1e6);
    if (output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      writeCsv(ratings, output, seed);
    } else {
      try (RatingMatrix m = ratings.toMatrix()) {
        DatasetFile.write(new Dataset(m, null, null), output);
      }
    }
    out.printf(Locale.ROOT, "wrote %s (%.1f MB)%n", output, Files.size(output) / 1e6);
    return 0;
  }

  /** The span the CSV's timestamps fall in: MovieLens 20M's, 1996-01-01 to 2015-01-01 (UTC). */
  private static final long FIRST_SECOND = 820_454_400L;
  private static final long SECONDS = 1_420_070_400L - FIRST_SECOND;

  /**
   * A MovieLens-20M-style ratings.csv: userId,movieId,rating,timestamp with 1-based ids, lines
   * sorted by user, then item (as MovieLens's files are), the rating
   * in its shortest decimal form ("4.0", "3.5", "2.125") and a timestamp drawn from {@code seed},
   * formatted without a String per line. Written to a temporary file, then renamed.
   */
  static void writeCsv(Ratings ratings, Path file, long seed) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".partial");
    SplittableRandom times = new SplittableRandom(seed ^ 0x7113_57A3_9E37_79B9L);
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
        out.write(
            "userId,movieId,rating,timestamp\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] line = new byte[64];
        int[] order = movieLensOrder(ratings);
        for (int t : order) {
          int at = digits(line, 0, ratings.user(t) + 1L);
          line[at++] = ',';
          at = digits(line, at, ratings.item(t) + 1L);
          line[at++] = ',';
          at = decimal(line, at, ratings.value(t));
          line[at++] = ',';
          at = digits(line, at, FIRST_SECOND + times.nextLong(SECONDS));
          line[at++] = '\n';
          out.write(line, 0, at);
        }
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Rating positions sorted by user (a counting sort), then by item within each user. */
  private static int[] movieLensOrder(Ratings ratings) {
    int n = ratings.size();
    int[] start = new int[ratings.numUsers() + 1];
    for (int t = 0; t < n; t++) {
      start[ratings.user(t) + 1]++;
    }
    for (int u = 0; u < ratings.numUsers(); u++) {
      start[u + 1] += start[u];
    }
    int[] order = new int[n];
    int[] cursor = start.clone();
    for (int t = 0; t < n; t++) {
      order[cursor[ratings.user(t)]++] = t;
    }
    long[] run = new long[64];
    for (int u = 0; u < ratings.numUsers(); u++) {
      int from = start[u];
      int length = start[u + 1] - from;
      if (run.length < length) {
        run = new long[Math.max(length, 2 * run.length)];
      }
      for (int k = 0; k < length; k++) {
        int t = order[from + k];
        run[k] = (long) ratings.item(t) << 32 | t;
      }
      java.util.Arrays.sort(run, 0, length);
      for (int k = 0; k < length; k++) {
        order[from + k] = (int) run[k];
      }
    }
    return order;
  }

  /** {@code value} to 3 decimals, trailing zeros dropped down to one ("4.0", "3.5", "-0.125"). */
  private static int decimal(byte[] b, int at, float value) {
    long milli = Math.round(value * 1000.0);
    if (milli < 0) {
      b[at++] = '-';
      milli = -milli;
    }
    at = digits(b, at, milli / 1000);
    b[at++] = '.';
    long frac = milli % 1000;
    b[at++] = (byte) ('0' + frac / 100);
    if (frac % 100 != 0) {
      b[at++] = (byte) ('0' + frac / 10 % 10);
      if (frac % 10 != 0) {
        b[at++] = (byte) ('0' + frac % 10);
      }
    }
    return at;
  }

  private static int digits(byte[] b, int at, long v) {
    int start = at;
    do {
      b[at++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    for (int i = start, j = at - 1; i < j; i++, j--) {
      byte x = b[i];
      b[i] = b[j];
      b[j] = x;
    }
    return at;
  }
}
