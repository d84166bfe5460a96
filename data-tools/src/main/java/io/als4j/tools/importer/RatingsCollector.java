package io.als4j.tools.importer;

import io.als4j.data.Dataset;
import io.als4j.data.ExternalIds;
import io.als4j.data.DuplicateRatingException;
import io.als4j.data.RatingMatrixBuilder;
import io.als4j.tools.InputFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives parsed ratings from a format reader: checks them, maps ids, and appends them to an
 * off-heap {@link RatingMatrixBuilder}. Bad lines stop the import with file, line, text and what
 * was expected, or with {@code --skip-invalid} are counted and the first few remembered.
 */
final class RatingsCollector implements AutoCloseable {
  private static final int EXAMPLES = 5;

  private final ImportOptions options;
  private final boolean timestamps;
  private IdMapper users;
  private IdMapper items;
  private long skipped;
  private final List<InvalidLine> examples = new ArrayList<>();
  private String expected = "";
  /** A chunk's collector: line numbers are relative to the chunk's start until it is absorbed. */
  private final boolean chunk;
  private RatingMatrixBuilder builder;

  RatingsCollector(ImportOptions options, boolean timestamps) {
    this(options, timestamps, false, 0);
  }

  /**
   * @param chunk whether this collects one chunk of a file, whose line numbers are not known yet
   * @param expectedRatings a guess at the number of ratings, to size the buffer (0: none)
   */
  RatingsCollector(ImportOptions options, boolean timestamps, boolean chunk, long expectedRatings) {
    this.options = options;
    this.timestamps = timestamps;
    this.chunk = chunk;
    this.builder =
        new RatingMatrixBuilder(-1, -1, timestamps, options.duplicates(), expectedRatings);
  }

  /** A malformed line, with its line number in the file or chunk it was read from. */
  record InvalidLine(java.nio.file.Path file, long line, String problem, String text) {
    String message(long lineOffset, String expected) {
      return file + ":" + (lineOffset + line) + ": " + problem + " in line \"" + text
          + "\" (expected: " + expected + ")";
    }
  }

  /** The first malformed line of a chunk, thrown without --skip-invalid. */
  static final class InvalidLineInChunk extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient InvalidLine line;

    InvalidLineInChunk(InvalidLine line) {
      super(line.message(0, "") + " (line number counted from the chunk's start)", null, false, false);
      this.line = line;
    }
  }

  /** Sets the line shape quoted in error messages. */
  void expecting(String expected) {
    this.expected = expected;
  }

  String expected() {
    return expected;
  }

  boolean idsDecided() {
    return users != null;
  }

  void decideIds(boolean userStrings, boolean itemStrings) {
    if (users == null) {
      users = new IdMapper(userStrings);
      items = new IdMapper(itemStrings);
    }
  }

  IdMapper users() {
    return users;
  }

  IdMapper items() {
    return items;
  }

  /** Checks and keeps one rating; false if it was rejected (and skipped). */
  boolean add(LineSource at, int user, int item, float rating, long time) {
    if (!Float.isFinite(rating)) {
      return invalid(at, "rating is not a finite number");
    }
    if (!Double.isNaN(options.minRating())
        && (rating < options.minRating() || rating > options.maxRating())) {
      return invalid(
          at, "rating " + rating + " is outside the declared range " + options.minRating() + ".."
              + options.maxRating());
    }
    if (timestamps) {
      builder.add(user, item, rating, time);
    } else {
      builder.add(user, item, rating);
    }
    return true;
  }

  /**
   * A malformed line: an error naming file, line, text and the expected shape, or (with
   * --skip-invalid) counted.
   */
  boolean invalid(LineSource at, String problem) {
    InvalidLine line = new InvalidLine(at.file(), at.lineNumber(), problem, at.text());
    if (!options.skipInvalid()) {
      if (chunk) {
        throw new InvalidLineInChunk(line);
      }
      throw new InputFormatException(line.message(0, expected));
    }
    skipped++;
    if (examples.size() < EXAMPLES) {
      examples.add(line);
    }
    return false;
  }

  /**
   * Takes over the ratings, ids and skipped lines of chunks of one file, in file order, whose
   * first lines are line {@code lineOffsets[c] + 1} of the file. Chunks parsed with local
   * indices get this collector's indices, in first-appearance order over the whole.
   */
  void absorb(List<RatingsCollector> chunks, long[] lineOffsets) {
    List<RatingMatrixBuilder> parts = new ArrayList<>();
    List<int[]> userMaps = new ArrayList<>();
    List<int[]> itemMaps = new ArrayList<>();
    parts.add(builder);
    userMaps.add(null);
    itemMaps.add(null);
    for (int c = 0; c < chunks.size(); c++) {
      RatingsCollector part = chunks.get(c);
      if (part.users == null) {
        continue; // no data line at all in this chunk
      }
      decideIds(part.users.strings(), part.items.strings());
      parts.add(part.builder);
      userMaps.add(users.absorb(part.users));
      itemMaps.add(items.absorb(part.items));
      skipped += part.skipped;
      for (InvalidLine line : part.examples) {
        if (examples.size() < EXAMPLES) {
          examples.add(new InvalidLine(line.file(), lineOffsets[c] + line.line(), line.problem(),
              line.text()));
        }
      }
    }
    RatingMatrixBuilder whole = RatingMatrixBuilder.concatenate(parts, userMaps, itemMaps);
    builder.close();
    builder = whole;
  }

  long skipped() {
    return skipped;
  }

  List<String> examples() {
    List<String> messages = new ArrayList<>();
    for (InvalidLine line : examples) {
      messages.add(line.message(0, expected));
    }
    return messages;
  }

  Dataset build(String source) {
    if (builder.size() == 0) {
      throw new InputFormatException(
          source + ": no ratings found" + (skipped > 0 ? " (" + skipped + " lines skipped)" : "")
              + " (expected: " + expected + ")");
    }
    IdMapper.Sorted sortedUsers = users.sorted();
    IdMapper.Sorted sortedItems = items.sorted();
    if (sortedUsers.ranks() != null || sortedItems.ranks() != null) {
      RatingMatrixBuilder sorted = RatingMatrixBuilder.concatenate(
          List.of(builder), java.util.Collections.singletonList(sortedUsers.ranks()),
          java.util.Collections.singletonList(sortedItems.ranks()));
      builder.close();
      builder = sorted;
    }
    ExternalIds userIds = sortedUsers.ids();
    ExternalIds itemIds = sortedItems.ids();
    try {
      return new Dataset(builder.build(), userIds, itemIds);
    } catch (DuplicateRatingException e) {
      throw new InputFormatException(
          source + ": user " + userIds.name(e.user()) + " rated item "
              + itemIds.name(e.item()) + " twice (" + e.first() + " and "
              + e.second() + "; expected: one rating per (user, item) pair, or choose"
              + " --duplicates last or mean)");
    }
  }

  long duplicatesMerged() {
    return builder.duplicatesMerged();
  }

  @Override
  public void close() {
    builder.close();
  }
}
