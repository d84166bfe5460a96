package io.als4j.serve;

import net.openhft.chronicle.bytes.BytesStore;

/** Where the trained user vectors are read from: a heap array, or a memory-mapped model file. */
interface UserFactors {
  void copyRow(int user, double[] dst);

  double dot(int user, double[] items, int offset);

  /** Whether the user's vector is all zeros (no training ratings); reads in place. */
  boolean isZero(int user);

  /** Row-major doubles on the heap. */
  static UserFactors heap(double[] data, int k) {
    return new UserFactors() {
      @Override
      public void copyRow(int user, double[] dst) {
        System.arraycopy(data, user * k, dst, 0, k);
      }

      @Override
      public double dot(int user, double[] items, int offset) {
        double sum = 0;
        for (int c = 0, at = user * k; c < k; c++) {
          sum += data[at + c] * items[offset + c];
        }
        return sum;
      }

      @Override
      public boolean isZero(int user) {
        for (int c = 0, at = user * k; c < k; c++) {
          if (data[at + c] != 0) {
            return false;
          }
        }
        return true;
      }
    };
  }

  /** Row-major little-endian doubles at {@code offset} of a mapping; read in place, never copied. */
  static UserFactors mapped(BytesStore<?, ?> bytes, long offset, int k) {
    return new UserFactors() {
      @Override
      public void copyRow(int user, double[] dst) {
        long at = offset + 8L * user * k;
        for (int c = 0; c < k; c++) {
          dst[c] = bytes.readDouble(at + 8L * c);
        }
      }

      @Override
      public boolean isZero(int user) {
        long at = offset + 8L * user * k;
        for (int c = 0; c < k; c++) {
          if (bytes.readDouble(at + 8L * c) != 0) {
            return false;
          }
        }
        return true;
      }

      @Override
      public double dot(int user, double[] items, int itemOffset) {
        long at = offset + 8L * user * k;
        double sum = 0;
        for (int c = 0; c < k; c++) {
          sum += bytes.readDouble(at + 8L * c) * items[itemOffset + c];
        }
        return sum;
      }
    };
  }
}
