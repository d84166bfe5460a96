package io.als4j.tools.importer;

import java.io.IOException;

/**
 * Delimited text: MovieLens {@code u.data} (tabs), {@code ratings.dat} ({@code ::}),
 * {@code ratings.csv} (commas, header) and any CSV/TSV. Fields are found in the line's bytes;
 * a field that starts with a double quote runs to the closing quote (RFC 4180), so quoted ids may
 * contain the delimiter. Blank lines and lines starting with {@code #} are skipped.
 */
final class DelimitedReader {
  private final byte[] delimiter;
  private final boolean whitespace;
  private final int userColumn;
  private final int itemColumn;
  private final int ratingColumn;
  private final int timeColumn;
  private final int columns;
  private final int[] fieldStart;
  private final int[] fieldEnd;
  /** Off only in tests, which compare the one-pass path with the general one. */
  static boolean simpleLines = true;
  /** Whether lines may go through {@link #parseSimpleLine}: a one-byte delimiter, not spaces. */
  private final boolean simple;
  // What parseSimpleLine found on the current line.
  private long simpleUser;
  private long simpleItem;
  private float simpleRating;
  private long simpleTime;

  DelimitedReader(String delimiter, int user, int item, int rating, int time) {
    this.whitespace = delimiter.equals(" ");
    this.delimiter = delimiter.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    this.userColumn = user;
    this.itemColumn = item;
    this.ratingColumn = rating;
    this.timeColumn = time;
    this.columns = 1 + Math.max(Math.max(user, item), Math.max(rating, time));
    this.fieldStart = new int[columns];
    this.fieldEnd = new int[columns];
    this.simple = simpleLines && this.delimiter.length == 1 && !whitespace;
  }

  static String describe(String delimiter) {
    switch (delimiter) {
      case "\t":
        return "tabs";
      case " ":
        return "spaces";
      default:
        return "'" + delimiter + "'";
    }
  }

  /** The header line is still ahead: the next non-blank, non-comment line is skipped. */
  private boolean headerPending;

  /** Advances past blank lines, comments and a pending header to a line that holds data. */
  private boolean nextDataLine(LineSource in) throws IOException {
    while (in.next()) {
      byte[] b = in.buffer();
      int from = in.start();
      int to = in.end();
      if (from == to || b[from] == '#' || (whitespace && blank(b, from, to))) {
        continue;
      }
      if (headerPending) {
        headerPending = false;
        continue;
      }
      return true;
    }
    return false;
  }

  /** Reads every line; {@code header}: the first data line is a header to skip. */
  void read(LineSource in, RatingsCollector out, boolean header, Boolean stringIds)
      throws IOException {
    headerPending = header;
    while (nextDataLine(in)) {
      byte[] b = in.buffer();
      int from = in.start();
      int to = in.end();
      if (simple && out.idsDecided() && !out.users().strings()
          && parseSimpleLine(b, from, to)) {
        out.add(in, out.users().number(simpleUser), out.items().number(simpleItem), simpleRating,
            simpleTime);
        continue;
      }
      int found = split(b, from, to);
      if (found < columns) {
        out.invalid(in, "expected at least " + columns + " fields, found " + found);
        continue;
      }
      if (!out.idsDecided()) {
        boolean strings =
            stringIds != null
                ? stringIds
                : Fields.parseLong(b, fieldStart[userColumn], fieldEnd[userColumn])
                        == Fields.NOT_A_LONG
                    || Fields.parseLong(b, fieldStart[itemColumn], fieldEnd[itemColumn])
                        == Fields.NOT_A_LONG;
        out.decideIds(strings, strings);
      }
      int user = id(out.users(), in, out, userColumn, "user id");
      if (user < 0) {
        continue;
      }
      int item = id(out.items(), in, out, itemColumn, "item id");
      if (item < 0) {
        continue;
      }
      float rating = 1f;
      if (ratingColumn >= 0) {
        rating = Fields.parseFloat(b, fieldStart[ratingColumn], fieldEnd[ratingColumn]);
        if (Float.isNaN(rating)) {
          out.invalid(in, "rating '" + field(b, ratingColumn) + "' is not a number");
          continue;
        }
      }
      long time = 0;
      if (timeColumn >= 0) {
        time = Fields.parseLong(b, fieldStart[timeColumn], fieldEnd[timeColumn]);
        if (time == Fields.NOT_A_LONG) {
          out.invalid(in, "timestamp '" + field(b, timeColumn) + "' is not an integer");
          continue;
        }
      }
      out.add(in, user, item, rating, time);
    }
  }

  /**
   * The common line in one pass: unquoted plain integers for ids and timestamp, a plain decimal
   * of at most 7 digits for the rating, fields found and parsed in the same scan. Returns false
   * for anything else (a quote, a sign, an exponent, a missing field, a stray character), and the
   * line then goes the general way, which reads the same values from what this accepts and
   * reports what it does not.
   */
  private boolean parseSimpleLine(byte[] b, int from, int to) {
    final byte d = delimiter[0];
    int i = from;
    simpleRating = 1f;
    simpleTime = 0;
    for (int field = 0; field < columns; field++) {
      if (field == ratingColumn) {
        int mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to && b[i] != d; i++) {
          int c = b[i] - '0';
          if (c >= 0 && c <= 9) {
            if (++digits > 7) {
              return false;
            }
            mantissa = mantissa * 10 + c;
            if (fraction >= 0) {
              fraction++;
            }
          } else if (b[i] == '.' && fraction < 0) {
            fraction = 0;
          } else {
            return false;
          }
        }
        if (digits == 0) {
          return false;
        }
        simpleRating = Fields.decimal(mantissa, fraction);
      } else if (field == userColumn || field == itemColumn || field == timeColumn) {
        long v = 0;
        int start = i;
        for (; i < to && b[i] != d; i++) {
          int c = b[i] - '0';
          if (c < 0 || c > 9) {
            return false;
          }
          v = v * 10 + c;
        }
        if (i == start || i - start > 18) {
          return false;
        }
        if (field == userColumn) {
          simpleUser = v;
        } else if (field == itemColumn) {
          simpleItem = v;
        } else {
          simpleTime = v;
        }
      } else {
        while (i < to && b[i] != d) {
          if (b[i] == '"') {
            return false;
          }
          i++;
        }
      }
      if (i >= to && field + 1 < columns) {
        return false; // too few fields
      }
      i++;
    }
    return true;
  }

  /**
   * Whether the file's ids are strings, decided as {@link #read} decides it: from the first line
   * (after blank lines, comments and the header) that has enough fields. False for a file without
   * such a line. Lets the chunks of one file, parsed apart, share the decision.
   */
  boolean stringIds(LineSource in, boolean header) throws IOException {
    headerPending = header;
    while (nextDataLine(in)) {
      byte[] b = in.buffer();
      if (split(b, in.start(), in.end()) >= columns) {
        return Fields.parseLong(b, fieldStart[userColumn], fieldEnd[userColumn])
                == Fields.NOT_A_LONG
            || Fields.parseLong(b, fieldStart[itemColumn], fieldEnd[itemColumn])
                == Fields.NOT_A_LONG;
      }
    }
    return false;
  }

  private int id(IdMapper ids, LineSource in, RatingsCollector out, int column, String what) {
    byte[] b = in.buffer();
    if (ids.strings()) {
      if (fieldEnd[column] == fieldStart[column]) {
        out.invalid(in, what + " is empty");
        return -1;
      }
      return ids.name(b, fieldStart[column], fieldEnd[column]);
    }
    long id = Fields.parseLong(b, fieldStart[column], fieldEnd[column]);
    if (id == Fields.NOT_A_LONG) {
      out.invalid(
          in, what + " '" + field(b, column) + "' is not an integer (the first line's ids were;"
              + " use --string-ids for text ids)");
      return -1;
    }
    return ids.number(id);
  }

  private String field(byte[] b, int column) {
    return new String(
        b, fieldStart[column], fieldEnd[column] - fieldStart[column],
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static boolean blank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Records up to {@code columns} fields; returns how many fields the line has (capped). */
  private int split(byte[] b, int from, int to) {
    int field = 0;
    int i = from;
    if (whitespace) {
      while (i < to && field < columns) {
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
          i++;
        }
        if (i == to) {
          break;
        }
        int s = i;
        while (i < to && b[i] != ' ' && b[i] != '\t') {
          i++;
        }
        fieldStart[field] = s;
        fieldEnd[field++] = i;
      }
      return field;
    }
    while (field < columns) {
      if (i < to && b[i] == '"') {
        int s = ++i;
        while (i < to && !(b[i] == '"' && (i + 1 >= to || b[i + 1] != '"'))) {
          i += b[i] == '"' ? 2 : 1;
        }
        fieldStart[field] = s;
        fieldEnd[field++] = Math.min(i, to);
        i++;
        // past the closing quote, up to the delimiter
        while (i < to && !delimiterAt(b, i, to)) {
          i++;
        }
      } else {
        int s = i;
        while (i < to && !delimiterAt(b, i, to)) {
          i++;
        }
        fieldStart[field] = s;
        fieldEnd[field++] = i;
      }
      if (i >= to) {
        return field;
      }
      i += delimiter.length;
    }
    return field;
  }

  private boolean delimiterAt(byte[] b, int i, int to) {
    if (b[i] != delimiter[0]) {
      return false;
    }
    for (int d = 1; d < delimiter.length; d++) {
      if (i + d >= to || b[i + d] != delimiter[d]) {
        return false;
      }
    }
    return true;
  }
}
