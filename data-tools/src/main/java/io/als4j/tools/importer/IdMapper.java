package io.als4j.tools.importer;

import io.als4j.data.ExternalIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.Object2IntHashMap;

/**
 * External id → dense index, in order of first appearance. Integer ids go through an Agrona
 * primitive map (no boxing); string ids (Last.fm's SHA-1 users, say) through a string map, which
 * costs one String per line: only for data whose ids are strings.
 */
final class IdMapper {
  private static final int MISSING = -1;
  private final boolean strings;
  private final Long2LongHashMap numbers = new Long2LongHashMap(MISSING);
  private final LongArrayList numberIds = new LongArrayList();
  private final Object2IntHashMap<String> names = new Object2IntHashMap<>(MISSING);
  private final List<String> nameIds = new ArrayList<>();

  IdMapper(boolean strings) {
    this.strings = strings;
  }

  boolean strings() {
    return strings;
  }

  int number(long id) {
    long index = numbers.get(id);
    if (index == MISSING) {
      index = numberIds.size();
      numbers.put(id, index);
      numberIds.addLong(id);
    }
    return (int) index;
  }

  int name(byte[] b, int from, int to) {
    String id = new String(b, from, to - from, StandardCharsets.UTF_8);
    int index = names.getValue(id);
    if (index == MISSING) {
      index = nameIds.size();
      names.put(id, index);
      nameIds.add(id);
    }
    return index;
  }

  int size() {
    return strings ? nameIds.size() : numberIds.size();
  }

  ExternalIds toExternalIds() {
    return strings
        ? ExternalIds.ofNames(nameIds.toArray(new String[0]))
        : ExternalIds.ofNumbers(numberIds.toLongArray());
  }
}
