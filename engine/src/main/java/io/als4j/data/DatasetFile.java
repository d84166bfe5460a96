package io.als4j.data;

import io.als4j.store.CorruptStoreException;
import io.als4j.store.StoreKind;
import io.als4j.store.StoreReader;
import io.als4j.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.MappedBytes;

/**
 * The binary dataset store: a {@link StoreKind#DATASET} store (header, versions, checksums,
 * atomic write: see {@link StoreWriter}) holding a {@link Dataset}. Opening maps the file and
 * reads the ratings in place, so it costs a checksum pass and no copy. Sections, little-endian:
 *
 * <pre>
 * 1 META         int users, int items, long ratings, int flags (1 timestamps, 2 user ids, 4 item ids)
 * 2 CSR_OFFSETS  users + 1 longs       3 CSR_ITEMS  ints     4 CSR_VALUES floats
 * 5 CSR_TIMES    longs (with timestamps)
 * 6 CSC_OFFSETS  items + 1 longs       7 CSC_USERS  ints     8 CSC_VALUES floats
 * 9 USER_IDS, 10 ITEM_IDS: int type (0 integers, 1 strings), then n longs, or n + 1 long byte
 *                offsets followed by the UTF-8 bytes
 * </pre>
 */
public final class DatasetFile {
  static {
    if (java.nio.ByteOrder.nativeOrder() != java.nio.ByteOrder.LITTLE_ENDIAN) {
      throw new ExceptionInInitializerError(
          "dataset stores are copied from native memory, which must be little-endian");
    }
  }

  static final int VERSION = 1;
  private static final int META = 1;
  private static final int CSR_OFFSETS = 2;
  private static final int CSR_ITEMS = 3;
  private static final int CSR_VALUES = 4;
  private static final int CSR_TIMES = 5;
  private static final int CSC_OFFSETS = 6;
  private static final int CSC_USERS = 7;
  private static final int CSC_VALUES = 8;
  private static final int USER_IDS = 9;
  private static final int ITEM_IDS = 10;

  private DatasetFile() {}

  /** Writes {@code dataset} to {@code file} atomically (nothing with that name until complete). */
  public static void write(Dataset dataset, Path file) throws IOException {
    RatingMatrix m = dataset.ratings();
    CompressedRows byUser = m.byUser();
    CompressedRows byItem = m.byItem();
    try (StoreWriter w = StoreWriter.create(file, StoreKind.DATASET, VERSION)) {
      w.beginSection(META);
      w.writeInt(m.numUsers());
      w.writeInt(m.numItems());
      w.writeLong(m.numRatings());
      w.writeInt((byUser.hasTimes() ? 1 : 0) | (dataset.userIds() != null ? 2 : 0)
          | (dataset.itemIds() != null ? 4 : 0));
      w.endSection();
      writeRows(w, byUser, CSR_OFFSETS, CSR_ITEMS, CSR_VALUES);
      if (byUser.hasTimes()) {
        w.beginSection(CSR_TIMES);
        w.writeBytes(byUser.timesStore(), byUser.timesAt(), 8 * byUser.entries());
        w.endSection();
      }
      writeRows(w, byItem, CSC_OFFSETS, CSC_USERS, CSC_VALUES);
      if (dataset.userIds() != null) {
        ExternalIdsSection.write(w, USER_IDS, dataset.userIds());
      }
      if (dataset.itemIds() != null) {
        ExternalIdsSection.write(w, ITEM_IDS, dataset.itemIds());
      }
      w.commit();
    }
  }

  /**
   * The arrays are copied in bulk: off-heap memory on x86 and ARM is little-endian, the order of
   * the store format.
   */
  private static void writeRows(StoreWriter w, CompressedRows rows, int offsets, int indices,
      int values) throws IOException {
    w.beginSection(offsets);
    w.writeBytes(rows.offsetsStore(), rows.offsetsAt(), 8L * (rows.rows() + 1));
    w.endSection();
    w.beginSection(indices);
    w.writeBytes(rows.indicesStore(), rows.indicesAt(), 4 * rows.entries());
    w.endSection();
    w.beginSection(values);
    w.writeBytes(rows.valuesStore(), rows.valuesAt(), 4 * rows.entries());
    w.endSection();
  }

  /** Whether {@code file} starts like an als4j store (a cheap check, not a validation). */
  public static boolean looksLikeStore(Path file) throws IOException {
    return StoreReader.looksLikeStore(file);
  }

  /**
   * Opens a dataset store: checks it whole, then maps it.
   *
   * @throws CorruptStoreException if it is truncated, damaged, not a dataset store, or newer
   */
  public static Dataset open(Path file) throws IOException {
    StoreReader store = StoreReader.open(file, StoreKind.DATASET, VERSION);
    try {
      MappedBytes bytes = store.bytes();
      long meta = store.offset(META);
      int users = bytes.readInt(meta);
      int items = bytes.readInt(meta + 4);
      long n = bytes.readLong(meta + 8);
      int flags = bytes.readInt(meta + 16);
      if (users < 0 || items < 0 || n < 0) {
        throw CorruptStoreException.of(file, "damaged: negative dimensions");
      }
      expect(store, CSR_OFFSETS, 8L * (users + 1));
      expect(store, CSC_OFFSETS, 8L * (items + 1));
      for (int tag : new int[] {CSR_ITEMS, CSR_VALUES, CSC_USERS, CSC_VALUES}) {
        expect(store, tag, 4 * n);
      }
      boolean times = (flags & 1) != 0;
      if (times) {
        expect(store, CSR_TIMES, 8 * n);
      }
      CompressedRows byUser =
          new CompressedRows(users, items, n, bytes, store.offset(CSR_OFFSETS), bytes,
              store.offset(CSR_ITEMS), bytes, store.offset(CSR_VALUES), times ? bytes : null,
              times ? store.offset(CSR_TIMES) : 0, false);
      CompressedRows byItem =
          new CompressedRows(items, users, n, bytes, store.offset(CSC_OFFSETS), bytes,
              store.offset(CSC_USERS), bytes, store.offset(CSC_VALUES), null, 0, false);
      ExternalIds userIds = (flags & 2) != 0 ? ExternalIdsSection.read(store, USER_IDS, users) : null;
      ExternalIds itemIds = (flags & 4) != 0 ? ExternalIdsSection.read(store, ITEM_IDS, items) : null;
      return new Dataset(new RatingMatrix(byUser, byItem, store), userIds, itemIds);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static void expect(StoreReader store, int tag, long length) throws IOException {
    if (store.length(tag) != length) {
      throw CorruptStoreException.of(
          store.file(), "damaged: section " + tag + " holds " + store.length(tag)
              + " bytes, the dimensions say " + length);
    }
  }
}
