package io.als4j.serve;

import io.als4j.data.ExternalIds;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Object2IntHashMap;

/**
 * External ids and the way back from an id to its dense index: an Agrona primitive map for integer
 * ids (no boxing on lookup), a string map for string ids. Immutable after construction, so any
 * number of threads may read it.
 */
final class IdIndex {
  private final ExternalIds ids;
  private final Long2LongHashMap byNumber;
  private final Object2IntHashMap<String> byName;

  private IdIndex(ExternalIds ids) {
    this.ids = ids;
    if (ids.numeric()) {
      byNumber = new Long2LongHashMap(ids.size() * 2 + 8, 0.65f, -1);
      for (int i = 0; i < ids.size(); i++) {
        byNumber.put(ids.number(i), i);
      }
      byName = null;
    } else {
      byNumber = null;
      byName = new Object2IntHashMap<>(ids.size() * 2 + 8, 0.65f, -1);
      for (int i = 0; i < ids.size(); i++) {
        byName.put(ids.name(i), i);
      }
    }
  }

  /** Null for null ids; refuses a count that does not match the model. */
  static IdIndex of(String what, ExternalIds ids, int expected) {
    if (ids == null) {
      return null;
    }
    if (ids.size() != expected) {
      throw new IllegalArgumentException(
          what + ": " + ids.size() + " ids (expected: " + expected + ", one per index)");
    }
    return new IdIndex(ids);
  }

  ExternalIds ids() {
    return ids;
  }

  /** The index of integer id {@code id}, or -1 (also for string ids, which no integer names). */
  int index(long id) {
    return byNumber == null ? -1 : (int) byNumber.get(id);
  }

  /** The index of {@code id} written as text, for either kind of id; -1 if unknown. */
  int index(String id) {
    if (byName != null) {
      return byName.getValue(id);
    }
    long number;
    try {
      number = Long.parseLong(id.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
    return index(number);
  }
}
