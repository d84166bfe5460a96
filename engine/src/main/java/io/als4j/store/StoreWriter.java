package io.als4j.store;

import static io.als4j.store.StoreLayout.DATA_START;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes one store file (see {@link StoreLayout}) section by section, atomically: everything goes
 * to a temporary file beside the target, which is flushed to disk and only then renamed over the
 * target. A writer closed without {@link #commit()} (an exception, a failed import) deletes the
 * temporary file, so no half-written file ever carries the target's name.
 */
public final class StoreWriter implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final StoreKind kind;
  private final int kindVersion;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  /** The same memory as {@link #buffer}, for bulk copies from off-heap stores. */
  private final net.openhft.chronicle.bytes.BytesStore<?, ByteBuffer> bufferMemory =
      net.openhft.chronicle.bytes.BytesStore.wrap(buffer);
  private final CRC32C payloadCrc = new CRC32C();
  private final int[] tags = new int[StoreLayout.MAX_SECTIONS];
  private final long[] offsets = new long[StoreLayout.MAX_SECTIONS];
  private final long[] lengths = new long[StoreLayout.MAX_SECTIONS];
  private int sections;
  private long flushed = DATA_START;
  private long sectionStart = -1;
  private boolean done;

  private StoreWriter(Path target, Path temp, FileChannel channel, StoreKind kind, int kindVersion) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.kind = kind;
    this.kindVersion = kindVersion;
  }

  /** Starts writing {@code target} (replaced only on {@link #commit()}). */
  public static StoreWriter create(Path target, StoreKind kind, int kindVersion)
      throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".partial");
    try {
      return new StoreWriter(
          absolute, temp, FileChannel.open(temp, StandardOpenOption.WRITE), kind, kindVersion);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Starts a section, aligned to 64 bytes; tags are the kind's own section numbers. */
  public void beginSection(int tag) throws IOException {
    if (sectionStart >= 0) {
      throw new IllegalStateException("section " + tags[sections] + " is still open");
    }
    if (sections == StoreLayout.MAX_SECTIONS) {
      throw new IllegalStateException("more than " + StoreLayout.MAX_SECTIONS + " sections");
    }
    long at = position();
    for (long pad = StoreLayout.align(at) - at; pad > 0; pad--) {
      writeByte((byte) 0);
    }
    tags[sections] = tag;
    sectionStart = position();
  }

  public void endSection() {
    offsets[sections] = sectionStart;
    lengths[sections] = position() - sectionStart;
    sections++;
    sectionStart = -1;
  }

  private long position() {
    return flushed + buffer.position();
  }

  private void ensure(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      flush();
    }
  }

  public void writeByte(byte v) throws IOException {
    ensure(1);
    buffer.put(v);
  }

  public void writeInt(int v) throws IOException {
    ensure(4);
    buffer.putInt(v);
  }

  public void writeLong(long v) throws IOException {
    ensure(8);
    buffer.putLong(v);
  }

  public void writeFloat(float v) throws IOException {
    ensure(4);
    buffer.putFloat(v);
  }

  public void writeDouble(double v) throws IOException {
    ensure(8);
    buffer.putDouble(v);
  }

  public void writeDoubles(double[] values, int from, int count) throws IOException {
    for (int i = from; i < from + count; i++) {
      writeDouble(values[i]);
    }
  }

  /**
   * Copies {@code length} bytes from {@code source} at {@code offset}, a megabyte at a time: the
   * fast way to store arrays that already sit in off-heap memory in little-endian order.
   */
  public void writeBytes(net.openhft.chronicle.bytes.BytesStore<?, ?> source, long offset,
      long length) throws IOException {
    // One memory-to-memory copy straight into the write buffer (through a Chronicle view of it);
    // going through a heap array cost two copies of every byte.
    for (long done = 0; done < length; ) {
      ensure(1);
      int at = buffer.position();
      int put = (int) Math.min(length - done, buffer.remaining());
      bufferMemory.write(at, source, offset + done, put);
      buffer.position(at + put);
      done += put;
    }
  }

  public void writeLongs(long[] values, int from, int count) throws IOException {
    for (int i = from; i < from + count; i++) {
      writeLong(values[i]);
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    payloadCrc.update(buffer.duplicate());
    while (buffer.hasRemaining()) {
      flushed += channel.write(buffer, flushed);
    }
    buffer.clear();
  }

  /** Writes the header, forces the file to disk and renames it over the target. */
  public void commit() throws IOException {
    if (sectionStart >= 0) {
      throw new IllegalStateException("section " + tags[sections] + " is still open");
    }
    flush();
    ByteBuffer header = ByteBuffer.allocate(DATA_START).order(ByteOrder.LITTLE_ENDIAN);
    header.putLong(StoreLayout.OFF_MAGIC, StoreLayout.MAGIC);
    header.putInt(StoreLayout.OFF_FORMAT_VERSION, StoreLayout.FORMAT_VERSION);
    header.putInt(StoreLayout.OFF_KIND, kind.code());
    header.putInt(StoreLayout.OFF_KIND_VERSION, kindVersion);
    header.putInt(StoreLayout.OFF_SECTION_COUNT, sections);
    header.putLong(StoreLayout.OFF_FILE_LENGTH, flushed);
    header.putLong(StoreLayout.OFF_PAYLOAD_CRC, payloadCrc.getValue());
    for (int s = 0; s < sections; s++) {
      int at = StoreLayout.HEADER_BYTES + s * StoreLayout.SECTION_ENTRY_BYTES;
      header.putInt(at, tags[s]);
      header.putLong(at + 8, offsets[s]);
      header.putLong(at + 16, lengths[s]);
    }
    header.putLong(StoreLayout.OFF_HEADER_CRC, StoreReader.headerCrc(header));
    header.position(0);
    long at = 0;
    while (header.hasRemaining()) {
      at += channel.write(header, at);
    }
    channel.force(true);
    channel.close();
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    done = true;
    bufferMemory.releaseLast();
  }

  /** Without a commit, discards everything written. */
  @Override
  public void close() throws IOException {
    if (!done) {
      done = true;
      bufferMemory.releaseLast();
      channel.close();
      Files.deleteIfExists(temp);
    }
  }
}
