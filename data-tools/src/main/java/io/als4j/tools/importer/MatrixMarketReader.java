package io.als4j.tools.importer;

import io.als4j.tools.InputFormatException;
import java.io.IOException;
import java.util.Locale;

/**
 * MatrixMarket coordinate files ({@code .mtx}): {@code %%MatrixMarket matrix coordinate
 * <real|integer|pattern> general}, {@code %} comments, a {@code rows cols entries} line, then
 * {@code i j [value]} lines with 1-based indices. A pattern file has no values: each entry is a
 * rating of 1 (implicit feedback). The external ids are the 1-based row and column numbers. A
 * symmetric matrix is not a rating matrix and is refused; so is a file with fewer or more entries
 * than it declares.
 */
final class MatrixMarketReader {

  void read(LineSource in, RatingsCollector out) throws IOException {
    out.decideIds(false, false);
    if (!in.next()) {
      throw new InputFormatException(in.file() + ": empty (expected a %%MatrixMarket header)");
    }
    String header = in.text().toLowerCase(Locale.ROOT).trim();
    String[] words = header.split("\\s+");
    if (words.length < 5 || !words[0].equals("%%matrixmarket") || !words[1].equals("matrix")
        || !words[2].equals("coordinate")) {
      throw new InputFormatException(
          in.file() + ":1: \"" + in.text() + "\" (expected: %%MatrixMarket matrix coordinate"
              + " <real|integer|pattern> general)");
    }
    boolean pattern = words[3].equals("pattern");
    if (!pattern && !words[3].equals("real") && !words[3].equals("integer")) {
      throw new InputFormatException(
          in.file() + ":1: field type '" + words[3] + "' (expected: real, integer or pattern)");
    }
    if (!words[4].equals("general")) {
      throw new InputFormatException(
          in.file() + ":1: a " + words[4] + " matrix (expected: general; a rating matrix has no"
              + " symmetry)");
    }
    long rows = -1;
    long cols = -1;
    long declared = -1;
    long seen = 0;
    DelimitedReaderFields f = new DelimitedReaderFields();
    while (in.next()) {
      byte[] b = in.buffer();
      int from = in.start();
      int to = in.end();
      if (from == to || b[from] == '%') {
        continue;
      }
      int n = f.split(b, from, to);
      if (declared < 0) {
        if (n < 3) {
          throw new InputFormatException(
              in.file() + ":" + in.lineNumber() + ": \"" + in.text()
                  + "\" (expected: rows cols entries)");
        }
        rows = Fields.parseLong(b, f.start[0], f.end[0]);
        cols = Fields.parseLong(b, f.start[1], f.end[1]);
        declared = Fields.parseLong(b, f.start[2], f.end[2]);
        if (rows < 0 || cols < 0 || declared < 0) {
          throw new InputFormatException(
              in.file() + ":" + in.lineNumber() + ": \"" + in.text()
                  + "\" (expected: rows cols entries, non-negative integers)");
        }
        continue;
      }
      seen++;
      if (n < (pattern ? 2 : 3)) {
        out.invalid(in, "expected " + (pattern ? 2 : 3) + " fields, found " + n);
        continue;
      }
      long i = Fields.parseLong(b, f.start[0], f.end[0]);
      long j = Fields.parseLong(b, f.start[1], f.end[1]);
      if (i < 1 || i > rows || j < 1 || j > cols) {
        out.invalid(in, "index outside 1.." + rows + " × 1.." + cols);
        continue;
      }
      float v = pattern ? 1f : Fields.parseFloat(b, f.start[2], f.end[2]);
      if (Float.isNaN(v)) {
        out.invalid(in, "value is not a number");
        continue;
      }
      out.add(in, out.users().number(i), out.items().number(j), v, 0);
    }
    if (declared < 0) {
      throw new InputFormatException(in.file() + ": no 'rows cols entries' line");
    }
    if (seen != declared) {
      throw new InputFormatException(
          in.file() + ": declares " + declared + " entries but holds " + seen
              + (seen < declared ? " (truncated?)" : ""));
    }
  }

  /** Whitespace-separated fields, up to three. */
  private static final class DelimitedReaderFields {
    final int[] start = new int[3];
    final int[] end = new int[3];

    int split(byte[] b, int from, int to) {
      int n = 0;
      int i = from;
      while (n < 3) {
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
          i++;
        }
        if (i == to) {
          break;
        }
        start[n] = i;
        while (i < to && b[i] != ' ' && b[i] != '\t') {
          i++;
        }
        end[n++] = i;
      }
      return n;
    }
  }
}
