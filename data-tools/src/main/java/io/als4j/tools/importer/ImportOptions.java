package io.als4j.tools.importer;

import io.als4j.data.DuplicatePolicy;

/**
 * How to read the input.
 *
 * @param format the format, or AUTO
 * @param delimiter for CSV: the field separator ("\t", ",", "::", ";", " " for runs of white space),
 *     or null to take it from the first line
 * @param userColumn 0-based column of the user id (CSV)
 * @param itemColumn 0-based column of the item id (CSV)
 * @param ratingColumn 0-based column of the rating (CSV), or -1 for implicit data (every row 1.0)
 * @param timeColumn 0-based column of the timestamp (CSV), or -1 for none
 * @param header for CSV: TRUE a header line, FALSE none, null decide from the first line
 * @param stringIds TRUE ids are strings, FALSE integers, null decide from the first data line
 * @param skipInvalid skip and count malformed lines instead of stopping at the first
 * @param duplicates what to do with a (user, item) pair rated twice
 * @param minRating smallest allowed rating (NaN: no check)
 * @param maxRating largest allowed rating (NaN: no check)
 */
public record ImportOptions(
    Format format,
    String delimiter,
    int userColumn,
    int itemColumn,
    int ratingColumn,
    int timeColumn,
    Boolean header,
    Boolean stringIds,
    boolean skipInvalid,
    DuplicatePolicy duplicates,
    double minRating,
    double maxRating) {

  /** Auto-detect everything, stop at the first bad line, refuse duplicates, no range. */
  public static ImportOptions defaults() {
    return new ImportOptions(
        Format.AUTO, null, 0, 1, 2, -1, null, null, false, DuplicatePolicy.ERROR, Double.NaN,
        Double.NaN);
  }

  public ImportOptions withFormat(Format f) {
    return new ImportOptions(f, delimiter, userColumn, itemColumn, ratingColumn, timeColumn,
        header, stringIds, skipInvalid, duplicates, minRating, maxRating);
  }

}
