package io.als4j.data;

import io.als4j.internal.InternalApi;
import io.als4j.store.CorruptStoreException;
import io.als4j.store.StoreReader;
import io.als4j.store.StoreWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.MappedBytes;

/**
 * One store section holding {@link ExternalIds}, shared by dataset stores and model files: an int
 * type (0 integers, 1 strings), then n longs, or n + 1 long byte offsets into the UTF-8 text that
 * follows them.
 */
@InternalApi
public final class ExternalIdsSection {
  private static final int NUMBERS = 0;
  private static final int NAMES = 1;

  private ExternalIdsSection() {}

  public static void write(StoreWriter w, int tag, ExternalIds ids) throws IOException {
    w.beginSection(tag);
    if (ids.numeric()) {
      w.writeInt(NUMBERS);
      for (int i = 0; i < ids.size(); i++) {
        w.writeLong(ids.number(i));
      }
    } else {
      w.writeInt(NAMES);
      byte[][] encoded = new byte[ids.size()][];
      long at = 0;
      w.writeLong(0);
      for (int i = 0; i < ids.size(); i++) {
        encoded[i] = ids.name(i).getBytes(StandardCharsets.UTF_8);
        at += encoded[i].length;
        w.writeLong(at);
      }
      for (byte[] bytes : encoded) {
        for (byte b : bytes) {
          w.writeByte(b);
        }
      }
    }
    w.endSection();
  }

  /** Reads {@code count} ids, checking the section's length against what its header says. */
  public static ExternalIds read(StoreReader store, int tag, int count) throws IOException {
    MappedBytes bytes = store.bytes();
    long at = store.offset(tag);
    if (store.length(tag) < 4) {
      throw damaged(store, tag, 4);
    }
    int type = bytes.readInt(at);
    if (type == NUMBERS) {
      expect(store, tag, 4 + 8L * count);
      long[] ids = new long[count];
      for (int i = 0; i < count; i++) {
        ids[i] = bytes.readLong(at + 4 + 8L * i);
      }
      return ExternalIds.ofNumbers(ids);
    }
    if (type != NAMES) {
      throw CorruptStoreException.of(
          store.file(), "damaged: section " + tag + " has id type " + type
              + " (expected: 0 integers or 1 strings)");
    }
    long textAt = at + 4 + 8L * (count + 1);
    if (store.length(tag) < 4 + 8L * (count + 1)) {
      throw damaged(store, tag, 4 + 8L * (count + 1));
    }
    long total = bytes.readLong(textAt - 8);
    expect(store, tag, 4 + 8L * (count + 1) + total);
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      long from = bytes.readLong(at + 4 + 8L * i);
      long to = bytes.readLong(at + 4 + 8L * (i + 1));
      if (from < 0 || to < from || to > total) {
        throw CorruptStoreException.of(
            store.file(), "damaged: section " + tag + " id " + i + " spans bytes " + from + ".."
                + to + " (expected: within 0.." + total + ")");
      }
      byte[] utf8 = new byte[(int) (to - from)];
      for (int b = 0; b < utf8.length; b++) {
        utf8[b] = bytes.readByte(textAt + from + b);
      }
      names[i] = new String(utf8, StandardCharsets.UTF_8);
    }
    return ExternalIds.ofNames(names);
  }

  private static void expect(StoreReader store, int tag, long length) throws IOException {
    if (store.length(tag) != length) {
      throw damaged(store, tag, length);
    }
  }

  private static CorruptStoreException damaged(StoreReader store, int tag, long length)
      throws CorruptStoreException {
    return CorruptStoreException.of(
        store.file(), "damaged: section " + tag + " holds " + store.length(tag)
            + " bytes, the dimensions say " + length);
  }
}
