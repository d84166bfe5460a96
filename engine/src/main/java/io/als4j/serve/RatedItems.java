package io.als4j.serve;

import io.als4j.data.CompressedRows;
import net.openhft.chronicle.bytes.BytesStore;

/** The items each user rated in training, ascending: what "exclude rated" leaves out. */
interface RatedItems {
  long start(int user);

  long end(int user);

  int item(long pos);

  /** A heap copy of a matrix's by-user orientation (the matrix may be closed afterwards). */
  static RatedItems copyOf(CompressedRows byUser) {
    long[] offsets = new long[byUser.rows() + 1];
    int[] items = new int[Math.toIntExact(byUser.entries())];
    for (int u = 0; u < byUser.rows(); u++) {
      offsets[u + 1] = byUser.end(u);
      for (long pos = byUser.start(u); pos < byUser.end(u); pos++) {
        items[(int) pos] = byUser.index(pos);
      }
    }
    return heap(offsets, items);
  }

  static RatedItems heap(long[] offsets, int[] items) {
    return new RatedItems() {
      @Override
      public long start(int user) {
        return offsets[user];
      }

      @Override
      public long end(int user) {
        return offsets[user + 1];
      }

      @Override
      public int item(long pos) {
        return items[(int) pos];
      }
    };
  }

  /** Offsets (users + 1 longs) and item indices (ints) read in place from a mapping. */
  static RatedItems mapped(BytesStore<?, ?> bytes, long offsetsAt, long itemsAt) {
    return new RatedItems() {
      @Override
      public long start(int user) {
        return bytes.readLong(offsetsAt + 8L * user);
      }

      @Override
      public long end(int user) {
        return bytes.readLong(offsetsAt + 8L * (user + 1));
      }

      @Override
      public int item(long pos) {
        return bytes.readInt(itemsAt + 4 * pos);
      }
    };
  }
}
