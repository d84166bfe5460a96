package io.als4j.store;

import static io.als4j.store.StoreLayout.DATA_START;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.MappedBytes;

/**
 * Opens a store file written by {@link StoreWriter}: checks it whole, then memory-maps it read-only
 * through Chronicle Bytes, so sections are read in place rather than copied.
 *
 * <p>Checked before anything is trusted, each failure a {@link CorruptStoreException} that says
 * what is wrong: the size, the magic, the header checksum, the format and kind versions (a file
 * from a newer als4j is refused, never guessed at), the recorded length against the real one, the
 * section table, and the payload checksum (CRC32C, about 10 GB/s on this hardware, so checking a
 * 100 MB model costs some 10 ms).
 */
public final class StoreReader implements AutoCloseable {
  private final Path file;
  private final int kindVersion;
  private final int[] tags;
  private final long[] offsets;
  private final long[] lengths;
  private final MappedBytes bytes;

  private StoreReader(
      Path file, int kindVersion, int[] tags, long[] offsets, long[] lengths, MappedBytes bytes) {
    this.file = file;
    this.kindVersion = kindVersion;
    this.tags = tags;
    this.offsets = offsets;
    this.lengths = lengths;
    this.bytes = bytes;
  }

  public static StoreReader open(Path file, StoreKind expected, int newestKindVersion)
      throws IOException {
    long size = Files.size(file);
    if (size < DATA_START) {
      throw new CorruptStoreException(
          file, "truncated or not an als4j file: " + size + " bytes, an als4j " + expected.description()
              + " has at least " + DATA_START);
    }
    ByteBuffer header = ByteBuffer.allocate(DATA_START).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
        // read the whole header
      }
      if (header.getLong(StoreLayout.OFF_MAGIC) != StoreLayout.MAGIC) {
        throw new CorruptStoreException(file, "not an als4j file (it does not start with ALS4JSTO)");
      }
      if (header.getLong(StoreLayout.OFF_HEADER_CRC) != headerCrc(header)) {
        throw new CorruptStoreException(file, "damaged: the header checksum does not match");
      }
      int format = header.getInt(StoreLayout.OFF_FORMAT_VERSION);
      if (format != StoreLayout.FORMAT_VERSION) {
        throw new CorruptStoreException(
            file, "store format version " + format + ", this build of als4j reads version "
                + StoreLayout.FORMAT_VERSION + (format > StoreLayout.FORMAT_VERSION
                    ? " (written by a newer als4j)" : ""));
      }
      StoreKind kind = StoreKind.ofCode(header.getInt(StoreLayout.OFF_KIND));
      if (kind != expected) {
        throw new CorruptStoreException(
            file, "is " + (kind == null ? "an unknown kind of store" : "a " + kind.description())
                + ", expected a " + expected.description());
      }
      int kindVersion = header.getInt(StoreLayout.OFF_KIND_VERSION);
      if (kindVersion < 1 || kindVersion > newestKindVersion) {
        throw new CorruptStoreException(
            file, expected.description() + " version " + kindVersion + ", this build of als4j reads"
                + " versions 1 to " + newestKindVersion
                + (kindVersion > newestKindVersion ? " (written by a newer als4j)" : ""));
      }
      long recorded = header.getLong(StoreLayout.OFF_FILE_LENGTH);
      if (recorded != size) {
        throw new CorruptStoreException(
            file, (size < recorded ? "truncated" : "has extra bytes") + ": " + size
                + " bytes on disk, the header says " + recorded);
      }
      int count = header.getInt(StoreLayout.OFF_SECTION_COUNT);
      int[] tags = new int[count];
      long[] offsets = new long[count];
      long[] lengths = new long[count];
      for (int s = 0; s < count; s++) {
        int at = StoreLayout.HEADER_BYTES + s * StoreLayout.SECTION_ENTRY_BYTES;
        tags[s] = header.getInt(at);
        offsets[s] = header.getLong(at + 8);
        lengths[s] = header.getLong(at + 16);
        if (offsets[s] < DATA_START || lengths[s] < 0 || offsets[s] + lengths[s] > size) {
          throw new CorruptStoreException(file, "damaged: section " + tags[s] + " lies outside the file");
        }
      }
      if (payloadCrc(channel, size) != header.getLong(StoreLayout.OFF_PAYLOAD_CRC)) {
        throw new CorruptStoreException(file, "damaged: the data checksum does not match");
      }
      MappedBytes bytes = MappedBytes.singleMappedBytes(file.toFile(), size, true);
      // Read by many serving threads at once; reads do not move any cursor.
      bytes.singleThreadedCheckDisabled(true);
      return new StoreReader(file, kindVersion, tags, offsets, lengths, bytes);
    }
  }

  /** Whether {@code file} starts with the store magic (a cheap sniff, not a validation). */
  public static boolean looksLikeStore(Path file) throws IOException {
    if (Files.size(file) < 8) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer magic = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      while (magic.hasRemaining() && channel.read(magic, magic.position()) >= 0) {
        // read 8 bytes
      }
      return magic.getLong(0) == StoreLayout.MAGIC;
    }
  }

  static long headerCrc(ByteBuffer header) {
    CRC32C crc = new CRC32C();
    crc.update(header.duplicate().position(0).limit(StoreLayout.HEADER_CRC_COVERS));
    int count = Math.max(0, Math.min(header.getInt(StoreLayout.OFF_SECTION_COUNT), StoreLayout.MAX_SECTIONS));
    crc.update(
        header.duplicate().position(StoreLayout.HEADER_BYTES)
            .limit(StoreLayout.HEADER_BYTES + count * StoreLayout.SECTION_ENTRY_BYTES));
    return crc.getValue();
  }

  private static long payloadCrc(FileChannel channel, long size) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer chunk = ByteBuffer.allocateDirect(4 << 20);
    for (long at = DATA_START; at < size; ) {
      chunk.clear();
      int n = channel.read(chunk, at);
      if (n < 0) {
        break;
      }
      chunk.flip();
      crc.update(chunk);
      at += n;
    }
    return crc.getValue();
  }

  public Path file() {
    return file;
  }

  public int kindVersion() {
    return kindVersion;
  }

  public boolean has(int tag) {
    return index(tag) >= 0;
  }

  /** Byte offset of section {@code tag} in {@link #bytes()}. */
  public long offset(int tag) throws CorruptStoreException {
    return offsets[require(tag)];
  }

  /** Length in bytes of section {@code tag}. */
  public long length(int tag) throws CorruptStoreException {
    return lengths[require(tag)];
  }

  /** The read-only mapping of the whole file; valid until {@link #close()}. */
  public MappedBytes bytes() {
    return bytes;
  }

  private int index(int tag) {
    for (int s = 0; s < tags.length; s++) {
      if (tags[s] == tag) {
        return s;
      }
    }
    return -1;
  }

  private int require(int tag) throws CorruptStoreException {
    int s = index(tag);
    if (s < 0) {
      throw new CorruptStoreException(file, "damaged: section " + tag + " is missing");
    }
    return s;
  }

  @Override
  public void close() {
    bytes.releaseLast();
  }
}
