package io.als4j.tools.cli;

import io.als4j.data.DatasetFile;
import io.als4j.data.DuplicatePolicy;
import io.als4j.data.RatingMatrix;
import io.als4j.tools.importer.Format;
import io.als4j.tools.importer.ImportOptions;
import io.als4j.tools.importer.ImportResult;
import io.als4j.tools.importer.Importer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code als4j import}: rating files in, one binary dataset store out. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reads rating files (gzip or not) into a binary dataset store that train reads in"
          + " milliseconds.",
      "Formats: ml-100k (u.data), ml-dat (MovieLens 1M/10M ratings.dat), ml-csv (MovieLens 20M+"
          + " ratings.csv), netflix (combined_data_*.txt or a training_set folder), csv (any"
          + " delimited text), mtx (MatrixMarket coordinate). Detected from the first line"
          + " unless --format is given."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files or folders to read.")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "STORE",
      description = "The dataset store to write (replaced only when the import succeeds).")
  Path output;

  @Option(names = "--format", converter = FormatConverter.class,
      description = "auto, ml-100k, ml-dat, ml-csv, netflix, csv or mtx (default: auto).")
  Format format = Format.AUTO;

  @Option(names = "--delimiter",
      description = "csv: the separator: a character, '::', 'tab' or 'space' (default: from the"
          + " first line).")
  String delimiter;

  @Option(names = "--columns", paramLabel = "U,I[,R[,T]]",
      description = "csv: 1-based columns of user, item, rating (0 for none: every row counts 1)"
          + " and timestamp (default: 1,2,3).")
  String columns = "1,2,3";

  @Option(names = "--header", negatable = true,
      description = "csv: the first line is (--header) or is not (--no-header) a header"
          + " (default: decided from the first line).")
  Boolean header;

  @Option(names = "--string-ids",
      description = "Ids are text, not integers (default: decided from the first line).")
  boolean stringIds;

  @Option(names = "--skip-invalid",
      description = "Skip and count malformed lines instead of stopping at the first.")
  boolean skipInvalid;

  @Option(names = "--duplicates",
      description = "A (user, item) pair rated twice: ERROR, LAST or MEAN (default: ${DEFAULT-VALUE}).")
  DuplicatePolicy duplicates = DuplicatePolicy.ERROR;

  @Option(names = "--rating-range", paramLabel = "MIN..MAX",
      description = "Refuse ratings outside this range, e.g. 1..5.")
  String ratingRange;

  @Option(names = {"-q", "--quiet"}, description = "No progress output (for scripts).")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ImportOptions options = options(format, delimiter, columns, header, stringIds, skipInvalid,
        duplicates, ratingRange);
    long t0 = System.nanoTime();
    ImportResult result;
    try (ProgressReporter progress =
        ProgressReporter.megabytes("import", Importer.totalBytes(inputs), quiet,
            spec.commandLine().getErr())) {
      result = Importer.run(inputs, options, progress::update);
    }
    try {
      long written = System.nanoTime();
      DatasetFile.write(result.dataset(), output);
      double writeSeconds = (System.nanoTime() - written) * 1e-9;
      report(out, result, (System.nanoTime() - t0) * 1e-9);
      out.printf(Locale.ROOT, "parse %.2f s, build %.2f s, write %.2f s%n", result.parseSeconds(),
          result.buildSeconds(), writeSeconds);
    } finally {
      result.dataset().close();
    }
    out.printf(Locale.ROOT, "wrote %s (%.1f MB)%n", output, Files.size(output) / 1e6);
    return 0;
  }

  static void report(PrintWriter out, ImportResult r, double seconds) {
    RatingMatrix m = r.dataset().ratings();
    out.printf(
        Locale.ROOT, "read %,d lines (%.1f MB) as %s in %.2f s (%.0f MB/s)%n", r.lines(),
        r.bytes() / 1e6, r.format().name().toLowerCase(Locale.ROOT).replace('_', '-'), seconds,
        r.bytes() / 1e6 / seconds);
    out.printf(
        Locale.ROOT, "%,d users × %,d items, %,d ratings%s%n", m.numUsers(), m.numItems(),
        m.numRatings(), m.byUser().hasTimes() ? ", with timestamps" : "");
    if (r.duplicatesMerged() > 0) {
      out.printf(Locale.ROOT, "%,d duplicate ratings merged%n", r.duplicatesMerged());
    }
    if (r.skipped() > 0) {
      out.printf(Locale.ROOT, "%,d malformed lines skipped; the first:%n", r.skipped());
      for (String example : r.skippedExamples()) {
        out.println("  " + example);
      }
    }
  }

  /** The options shared with train --input. */
  static ImportOptions options(Format format, String delimiter, String columns, Boolean header,
      boolean stringIds, boolean skipInvalid, DuplicatePolicy duplicates, String ratingRange) {
    String[] cols = columns.split(",");
    if (cols.length < 2 || cols.length > 4) {
      throw new IllegalArgumentException(
          "--columns: " + columns + " (expected: user,item[,rating[,timestamp]], 1-based)");
    }
    int[] c = {0, 0, 3, 0};
    for (int i = 0; i < cols.length; i++) {
      try {
        c[i] = Integer.parseInt(cols[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--columns: '" + cols[i] + "' is not a column number (expected: 1-based integers)");
      }
    }
    if (c[0] < 1 || c[1] < 1 || c[2] < 0 || c[3] < 0) {
      throw new IllegalArgumentException(
          "--columns: " + columns + " (expected: user and item >= 1, rating and timestamp >= 0)");
    }
    double min = Double.NaN;
    double max = Double.NaN;
    if (ratingRange != null) {
      double[] range = ratingRange(ratingRange);
      min = range[0];
      max = range[1];
      if (!(min <= max)) {
        throw new IllegalArgumentException(
            "--rating-range: " + ratingRange + " (expected: MIN <= MAX)");
      }
    }
    String d = delimiter == null ? null
        : delimiter.equalsIgnoreCase("tab") ? "\t"
        : delimiter.equalsIgnoreCase("space") ? " " : delimiter;
    return new ImportOptions(format, d, c[0] - 1, c[1] - 1, c[2] - 1, c[3] - 1, header,
        stringIds ? Boolean.TRUE : null, skipInvalid, duplicates, min, max);
  }

  /** {@code MIN..MAX} as {min, max}, or an error naming the option and the expected form. */
  static double[] ratingRange(String text) {
    String[] parts = text.split("\\.\\.", -1);
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--rating-range: " + text + " (expected: MIN..MAX, e.g. 1..5)");
    }
  }

  /** Accepts ml-100k as well as ML_100K. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--format: " + value + " (expected: auto, ml-100k, ml-dat, ml-csv, netflix, csv or mtx)");
      }
    }
  }
}
