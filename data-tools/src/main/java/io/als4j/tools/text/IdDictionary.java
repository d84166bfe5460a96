package io.als4j.tools.text;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;

/**
 * Maps external integer ids to dense indices 0..n-1 in order of first appearance, and back, without
 * boxing (Agrona primitive collections).
 */
public final class IdDictionary {
  private static final long MISSING = -1;
  private final Long2LongHashMap toIndex = new Long2LongHashMap(MISSING);
  private final LongArrayList toId = new LongArrayList();

  /** The dense index of {@code id}, assigning the next free one if it is new. */
  public int indexOf(long id) {
    long index = toIndex.get(id);
    if (index == MISSING) {
      index = toId.size();
      toIndex.put(id, index);
      toId.addLong(id);
    }
    return (int) index;
  }

  /** The external id of dense index {@code index}. */
  public long idOf(int index) {
    return toId.getLong(index);
  }

  /** The external ids by dense index. */
  public long[] toArray() {
    return toId.toLongArray();
  }

  public int size() {
    return toId.size();
  }
}
