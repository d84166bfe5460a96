package io.als4j.store;

/**
 * The on-disk layout shared by every als4j store file (models, and dataset stores), little-endian:
 *
 * <pre>
 * 0   8  magic "ALS4JSTO"
 * 8   4  format version (of this layout)
 * 12  4  kind (1 model, 2 dataset store)
 * 16  4  kind version (of that kind's sections)
 * 20  4  section count
 * 24  8  file length in bytes
 * 32  8  CRC32C of the payload, bytes [DATA_START, file length)
 * 40  8  CRC32C of bytes [0, 40) and of the section table
 * 48 16  zero
 * 64     section table: per section int tag, int 0, long offset, long length (24 bytes)
 * DATA_START  sections, each starting at a multiple of 64
 * </pre>
 *
 * A reader checks the magic, both checksums and the length before it trusts a single field, so a
 * truncated, damaged or foreign file is refused instead of misread.
 */
final class StoreLayout {
  static final long MAGIC = 0x4f54534a_34534c41L; // "ALS4JSTO" read as a little-endian long
  static final int FORMAT_VERSION = 1;
  static final int HEADER_BYTES = 64;
  static final int MAX_SECTIONS = 32;
  static final int SECTION_ENTRY_BYTES = 24;
  static final int DATA_START = HEADER_BYTES + MAX_SECTIONS * SECTION_ENTRY_BYTES; // 832
  static final int ALIGNMENT = 64;

  static final int OFF_MAGIC = 0;
  static final int OFF_FORMAT_VERSION = 8;
  static final int OFF_KIND = 12;
  static final int OFF_KIND_VERSION = 16;
  static final int OFF_SECTION_COUNT = 20;
  static final int OFF_FILE_LENGTH = 24;
  static final int OFF_PAYLOAD_CRC = 32;
  static final int OFF_HEADER_CRC = 40;
  static final int HEADER_CRC_COVERS = 40;

  private StoreLayout() {}

  static long align(long offset) {
    return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }
}
