package io.als4j.tools.importer;

/** The rating file formats {@code als4j import} reads. */
public enum Format {
  /** Detect from the first line (and the file name). */
  AUTO("auto-detected"),
  /** MovieLens 100K {@code u.data}: user, item, rating, timestamp separated by tabs. */
  ML_100K("user item rating timestamp, separated by tabs"),
  /** MovieLens 1M/10M {@code ratings.dat}: {@code UserID::MovieID::Rating::Timestamp}. */
  ML_DAT("UserID::MovieID::Rating::Timestamp"),
  /** MovieLens 20M/25M/32M/latest {@code ratings.csv}: header userId,movieId,rating,timestamp. */
  ML_CSV("userId,movieId,rating,timestamp after a header line"),
  /** Netflix Prize: a {@code MovieID:} line, then {@code CustomerID,Rating,YYYY-MM-DD} lines. */
  NETFLIX("a 'MovieID:' line, then CustomerID,Rating,YYYY-MM-DD lines"),
  /** Any delimited text, columns and delimiter by option (default: the first three columns). */
  CSV("delimited columns user, item, rating [, timestamp]"),
  /** MatrixMarket coordinate: real, integer or pattern (each entry a rating of 1), general. */
  MTX("MatrixMarket coordinate: i j [value], 1-based, after a 'rows cols entries' line");

  private final String expected;

  Format(String expected) {
    this.expected = expected;
  }

  /** What a line of this format looks like, for error messages. */
  public String expected() {
    return expected;
  }
}
