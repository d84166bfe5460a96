package io.als4j.tools.importer;

import io.als4j.data.Dataset;
import io.als4j.tools.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads rating files into a {@link Dataset}: detects the format (unless given), parses every file
 * (a folder stands for the files in it, in name order, as Netflix's {@code training_set/}), and
 * builds the off-heap matrix with the users' and items' own ids.
 */
public final class Importer {
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");

  private Importer() {}

  public static ImportResult run(List<Path> inputs, ImportOptions options) throws IOException {
    return run(inputs, options, Progress.NONE);
  }

  /** Told, now and then, how many file bytes of how many have been read. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void update(long done, long total);
  }

  /** Total size in bytes of the files {@code inputs} stands for. */
  public static long totalBytes(List<Path> inputs) throws IOException {
    long total = 0;
    for (Path file : expand(inputs)) {
      total += Files.size(file);
    }
    return total;
  }

  public static ImportResult run(List<Path> inputs, ImportOptions options, Progress callerProgress)
      throws IOException {
    // Chunks of one file are parsed on several threads, and each reports its progress.
    Progress progress = (done, all) -> {
      synchronized (callerProgress) {
        callerProgress.update(done, all);
      }
    };
    long start = System.nanoTime();
    List<Path> files = expand(inputs);
    long totalBytes = 0;
    for (Path file : files) {
      totalBytes += Files.size(file);
    }
    final long total = totalBytes;
    Format format = options.format() == Format.AUTO ? detect(files.get(0)) : options.format();
    String delimiter;
    boolean header;
    int time;
    switch (format) {
      case ML_100K:
        delimiter = "\t";
        header = false;
        time = 3;
        break;
      case ML_DAT:
        delimiter = "::";
        header = false;
        time = 3;
        break;
      case ML_CSV:
        delimiter = ",";
        header = true;
        time = 3;
        break;
      default:
        String first = firstLine(files.get(0));
        delimiter = options.delimiter() != null ? options.delimiter() : delimiterOf(first);
        header = options.header() != null
            ? options.header()
            : looksLikeHeader(first, delimiter, options.ratingColumn());
        time = options.timeColumn();
    }
    boolean timestamps = format == Format.NETFLIX || (format != Format.MTX && time >= 0);
    try (RatingsCollector out = new RatingsCollector(options, timestamps)) {
      out.expecting(
          format == Format.CSV
              ? "user, item" + (options.ratingColumn() >= 0 ? ", rating" : "")
                  + (time >= 0 ? ", timestamp" : "") + " in columns " + (options.userColumn() + 1)
                  + ", " + (options.itemColumn() + 1)
                  + (options.ratingColumn() >= 0 ? ", " + (options.ratingColumn() + 1) : "")
                  + (time >= 0 ? ", " + (time + 1) : "") + ", separated by "
                  + DelimitedReader.describe(delimiter)
              : format.expected());
      long lines = 0;
      long bytes = 0;
      long fileBytesBefore = 0;
      // Delimited formats: a fresh reader per file or chunk (a reader keeps per-line scratch).
      final int user = format == Format.CSV ? options.userColumn() : 0;
      final int item = format == Format.CSV ? options.itemColumn() : 1;
      final int rating = format == Format.CSV ? options.ratingColumn() : 2;
      final String d = delimiter;
      final int timeColumn = time;
      Supplier<DelimitedReader> readers =
          () -> new DelimitedReader(d, user, item, rating, timeColumn);
      for (Path file : files) {
        boolean delimited = format != Format.NETFLIX && format != Format.MTX;
        int chunks = delimited && !LineSource.isGzip(file)
            ? ChunkedDelimitedRead.chunks(Files.size(file)) : 1;
        if (chunks > 1) {
          boolean strings;
          if (options.stringIds() != null) {
            strings = options.stringIds();
          } else if (out.idsDecided()) {
            strings = out.users().strings();
          } else {
            try (LineSource in = LineSource.open(file)) {
              strings = readers.get().stringIds(in, header);
            }
          }
          final long before = fileBytesBefore;
          ChunkedDelimitedRead.Totals read = ChunkedDelimitedRead.read(file, chunks, readers,
              header, strings, options, timestamps, out.expected(), out,
              done -> progress.update(before + done, total));
          lines += read.lines();
          bytes += read.bytes();
          fileBytesBefore += Files.size(file);
          progress.update(fileBytesBefore, total);
          continue;
        }
        try (LineSource in = LineSource.open(file)) {
          final long before = fileBytesBefore;
          in.onProgress(() -> progress.update(before + in.fileBytesRead(), total));
          switch (format) {
            case NETFLIX:
              new NetflixReader().read(in, out);
              break;
            case MTX:
              new MatrixMarketReader().read(in, out);
              break;
            default:
              readers.get().read(in, out, header, options.stringIds());
          }
          lines += in.lineNumber();
          bytes += in.bytesRead();
          fileBytesBefore += Files.size(file);
          progress.update(fileBytesBefore, total);
        }
      }
      String source = files.size() == 1 ? files.get(0).toString() : files.size() + " files";
      long parsed = System.nanoTime();
      Dataset dataset = out.build(source);
      long built = System.nanoTime();
      return new ImportResult(
          dataset, format, lines, bytes, out.skipped(), List.copyOf(out.examples()),
          out.duplicatesMerged(), (parsed - start) * 1e-9, (built - parsed) * 1e-9);
    }
  }

  private static List<Path> expand(List<Path> inputs) throws IOException {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input files (expected: one or more files or folders)");
    }
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> children = Files.list(input)) {
          children
              .filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))
              .sorted()
              .forEach(files::add);
        }
        if (files.isEmpty()) {
          throw new InputFormatException(input + ": an empty folder (expected rating files)");
        }
      } else if (!Files.exists(input)) {
        throw new NoSuchFileException(input.toString());
      } else {
        files.add(input);
      }
    }
    return files;
  }

  /** The format a file looks like, from its first non-blank line. */
  static Format detect(Path file) throws IOException {
    String line = firstLine(file);
    String lower = line.toLowerCase(Locale.ROOT);
    if (lower.startsWith("%%matrixmarket")) {
      return Format.MTX;
    }
    if (line.matches("[0-9]+:")) {
      return Format.NETFLIX;
    }
    if (line.contains("::")) {
      return Format.ML_DAT;
    }
    if (lower.startsWith("userid,movieid,rating,timestamp")) {
      return Format.ML_CSV;
    }
    String[] tabs = line.split("\t", -1);
    if (tabs.length == 4 && allNumbers(tabs)) {
      return Format.ML_100K;
    }
    return Format.CSV;
  }

  private static boolean allNumbers(String[] fields) {
    for (String f : fields) {
      if (!NUMBER.matcher(f.trim()).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(Path file) throws IOException {
    try (LineSource in = LineSource.open(file)) {
      while (in.next()) {
        String text = in.text();
        if (!text.isBlank() && !text.startsWith("#")) {
          return text;
        }
      }
    }
    throw new InputFormatException(file + ": empty (no ratings, not even a header)");
  }

  static String delimiterOf(String line) {
    if (line.contains("::")) {
      return "::";
    }
    if (line.indexOf('\t') >= 0) {
      return "\t";
    }
    if (line.indexOf(',') >= 0) {
      return ",";
    }
    if (line.indexOf(';') >= 0) {
      return ";";
    }
    return " ";
  }

  private static boolean looksLikeHeader(String line, String delimiter, int ratingColumn) {
    String[] fields =
        delimiter.equals(" ") ? line.trim().split("\\s+") : line.split(Pattern.quote(delimiter), -1);
    // Without a rating column nothing tells a header from data: then only --header says so.
    if (ratingColumn < 0 || ratingColumn >= fields.length) {
      return false;
    }
    String f = fields[ratingColumn].trim().replace("\"", "");
    return !NUMBER.matcher(f).matches();
  }
}
