package io.als4j.tools.importer;

import io.als4j.data.ExternalIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Object2IntHashMap;

/**
 * External id → dense index, in order of first appearance while reading; {@link #sorted}
 * then gives the final indices, in ascending id order. Integer ids go through a direct array
 * when small and non-negative, else an Agrona primitive map (no boxing either way); string ids (Last.fm's SHA-1 users, say) through a string map, which
 * costs one String per line: only for data whose ids are strings.
 */
final class IdMapper {
  private static final int MISSING = -1;
  private final boolean strings;
  /** Ids from 0 up to here go through {@link #direct}; others through the hash map. */
  private static final long DIRECT_LIMIT = 1L << 26;
  private final Long2LongHashMap numbers = new Long2LongHashMap(MISSING);
  private int[] table = new int[1 << 16];
  private long lastId;
  private int lastIndex = -1;
  /** Ids by dense index, in a plain array grown by doubling. */
  private long[] numberIds = new long[1 << 12];
  private int numberCount;
  private final Object2IntHashMap<String> names = new Object2IntHashMap<>(MISSING);
  private final List<String> nameIds = new ArrayList<>();

  IdMapper(boolean strings) {
    this.strings = strings;
  }

  boolean strings() {
    return strings;
  }

  int number(long id) {
    // Rating files list one user's ratings together: most lines repeat the previous user.
    if (id == lastId && lastIndex >= 0) {
      return lastIndex;
    }
    int index;
    if (id >= 0 && id < DIRECT_LIMIT) {
      index = direct((int) id);
    } else {
      long found = numbers.get(id);
      if (found == MISSING) {
        found = assign(id);
        numbers.put(id, found);
      }
      index = (int) found;
    }
    lastId = id;
    lastIndex = index;
    return index;
  }

  /**
   * Ids below {@link #DIRECT_LIMIT} (MovieLens, Netflix: all of them) index a plain array, which
   * beats hashing: no probe sequence, and 4 bytes per id instead of a hash entry. It grows to the
   * largest id seen, so it costs at most 4 bytes × that id.
   */
  private int direct(int id) {
    if (id >= table.length) {
      table = java.util.Arrays.copyOf(table, (int) Math.min(DIRECT_LIMIT, Math.max(id + 1L, 2L * table.length)));
    }
    int index = table[id] - 1;
    if (index < 0) {
      index = assign(id);
      table[id] = index + 1;
    }
    return index;
  }

  private int assign(long id) {
    if (numberCount == numberIds.length) {
      numberIds = java.util.Arrays.copyOf(numberIds, 2 * numberCount);
    }
    numberIds[numberCount] = id;
    return numberCount++;
  }

  int name(byte[] b, int from, int to) {
    return name(new String(b, from, to - from, StandardCharsets.UTF_8));
  }

  /** How many distinct ids were seen. */
  int size() {
    return strings ? nameIds.size() : numberCount;
  }

  /**
   * Adds {@code part}'s ids, in {@code part}'s order, and returns where each of them now sits
   * here: the translation of a chunk's local indices, which keeps first-appearance order over the
   * whole file when the chunks are absorbed in file order.
   */
  int[] absorb(IdMapper part) {
    if (part.strings != strings) {
      throw new IllegalArgumentException("string ids and integer ids cannot be merged");
    }
    int[] map = new int[part.size()];
    for (int local = 0; local < map.length; local++) {
      map[local] = strings ? name(part.nameIds.get(local)) : number(part.numberIds[local]);
    }
    return map;
  }

  private int name(String id) {
    int index = names.getValue(id);
    if (index == MISSING) {
      index = nameIds.size();
      names.put(id, index);
      nameIds.add(id);
    }
    return index;
  }

  /**
   * The dictionary in its final order: the ids sorted ascending (numbers by value, strings by
   * {@link String#compareTo}), and each reading-order index's place among them, or null when
   * they already were in order. Dense indices in id order make a store independent of the order
   * of the file's lines, and a file sorted by item within each user (as MovieLens's are) yields
   * rows that need no sorting.
   */
  record Sorted(ExternalIds ids, int[] ranks) {}

  Sorted sorted() {
    int n = size();
    int[] rank = new int[n];
    boolean identity = true;
    if (strings) {
      String[] sorted = nameIds.toArray(new String[0]);
      java.util.Arrays.sort(sorted);
      for (int i = 0; i < n; i++) {
        rank[i] = java.util.Arrays.binarySearch(sorted, nameIds.get(i));
        identity &= rank[i] == i;
      }
      return new Sorted(ExternalIds.ofNames(sorted), identity ? null : rank);
    }
    long[] sorted = java.util.Arrays.copyOf(numberIds, n);
    java.util.Arrays.sort(sorted);
    for (int i = 0; i < n; i++) {
      rank[i] = java.util.Arrays.binarySearch(sorted, numberIds[i]);
      identity &= rank[i] == i;
    }
    return new Sorted(ExternalIds.ofNumbers(sorted), identity ? null : rank);
  }
}
