package io.als4j.tools.text;

import io.als4j.tools.Ratings;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads {@code user item rating} lines: the first three fields of each line, separated by a tab,
 * a comma, {@code ::} (MovieLens 1M/10M) or runs of spaces, the separator taken from the first
 * data line and then required on every line. Further fields (a timestamp) are ignored. Blank lines
 * and lines starting with {@code #} or {@code %} are skipped, and so is a first line whose fields
 * are not numbers (a CSV header). Ids are integers, not necessarily dense; they are mapped to dense
 * indices in order of first appearance.
 *
 * <p>Anything else stops the read with an {@link InputFormatException} naming the file, the line
 * number, the line and what was expected. The full importers (gzip, quoting, Netflix, MatrixMarket,
 * fast parsing) belong to the data-tools importer work; this reader is the simple entry point.
 */
public final class DelimitedRatingsReader {
  private final IdDictionary users = new IdDictionary();
  private final IdDictionary items = new IdDictionary();
  private boolean skippedHeader;

  public IdDictionary users() {
    return users;
  }

  public IdDictionary items() {
    return items;
  }

  /** Whether the first line was skipped as a header. */
  public boolean skippedHeader() {
    return skippedHeader;
  }

  public Ratings read(Path file) throws IOException {
    int[] u = new int[1024];
    int[] i = new int[1024];
    float[] r = new float[1024];
    int n = 0;
    String separator = null;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long lineNumber = 0;
      boolean first = true;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        String trimmed = line.strip();
        if (lineNumber == 1 && trimmed.startsWith("%%MatrixMarket")) {
          throw new InputFormatException(
              file + ":1: a MatrixMarket file, which this reader does not read (expected: lines"
                  + " of user item rating)");
        }
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("%")) {
          continue;
        }
        if (separator == null) {
          separator = separatorOf(trimmed);
        }
        String[] fields = split(trimmed, separator);
        if (first) {
          first = false;
          if (fields.length >= 3 && !looksNumeric(fields[0]) && !looksNumeric(fields[2])) {
            skippedHeader = true;
            separator = null; // the header may use the separator, the data decides
            continue;
          }
        }
        Location at = new Location(file, lineNumber, line, separator);
        if (fields.length < 3) {
          throw at.error("expected at least 3 fields (user item rating), found " + fields.length);
        }
        long userId = parseId(fields[0], "user id", at);
        long itemId = parseId(fields[1], "item id", at);
        float rating = parseRating(fields[2], at);
        if (n == u.length) {
          u = Arrays.copyOf(u, n * 2);
          i = Arrays.copyOf(i, n * 2);
          r = Arrays.copyOf(r, n * 2);
        }
        u[n] = users.indexOf(userId);
        i[n] = items.indexOf(itemId);
        r[n] = rating;
        n++;
      }
    }
    if (n == 0) {
      throw new InputFormatException(
          file + ": no ratings found (expected lines of: user item rating)");
    }
    return new Ratings(
        users.size(), items.size(), Arrays.copyOf(u, n), Arrays.copyOf(i, n), Arrays.copyOf(r, n));
  }

  static String separatorOf(String line) {
    if (line.contains("::")) {
      return "::";
    }
    if (line.indexOf('\t') >= 0) {
      return "\t";
    }
    if (line.indexOf(',') >= 0) {
      return ",";
    }
    return " ";
  }

  static String[] split(String line, String separator) {
    if (separator.equals(" ")) {
      return line.split(" +");
    }
    return line.split(java.util.regex.Pattern.quote(separator), -1);
  }

  private static boolean looksNumeric(String field) {
    String f = field.strip();
    return !f.isEmpty() && (Character.isDigit(f.charAt(0)) || f.charAt(0) == '-'
        || f.charAt(0) == '+' || f.charAt(0) == '.');
  }

  private static long parseId(String field, String what, Location at) {
    try {
      return Long.parseLong(field.strip());
    } catch (NumberFormatException e) {
      throw at.error(what + " '" + field + "' is not an integer");
    }
  }

  private static float parseRating(String field, Location at) {
    float value;
    try {
      value = Float.parseFloat(field.strip());
    } catch (NumberFormatException e) {
      throw at.error("rating '" + field + "' is not a number");
    }
    if (!Float.isFinite(value)) {
      throw at.error("rating '" + field + "' is not a finite number");
    }
    return value;
  }

  private record Location(Path file, long line, String text, String separator) {
    InputFormatException error(String problem) {
      String shown = separator.equals("\t") ? "tab" : separator.equals(" ") ? "spaces" : "'"
          + separator + "'";
      return new InputFormatException(
          file + ":" + line + ": " + problem + " in line \"" + text + "\" (expected: user item"
              + " rating, separated by " + shown + ")");
    }
  }
}
