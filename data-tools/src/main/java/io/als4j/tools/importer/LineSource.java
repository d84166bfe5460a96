package io.als4j.tools.importer;

import io.als4j.tools.InputFormatException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a text file, gzip-compressed or not (detected by the gzip magic bytes), handed out
 * as ranges of one reused byte buffer: reading a line allocates nothing. A line may end with
 * {@code \n} or {@code \r\n}; its range excludes both.
 */
final class LineSource implements AutoCloseable {
  private final Path file;
  private final InputStream in;
  private byte[] buffer = new byte[1 << 20];
  private int filled;
  private int next;
  private int start;
  private int end;
  private long line;
  private boolean eof;
  private long bytesRead;
  private final CountingStream raw;

  private LineSource(Path file, InputStream in, CountingStream raw) {
    this.file = file;
    this.in = in;
    this.raw = raw;
  }

  /** Counts the file bytes read, compressed or not, for progress against the file size. */
  private static final class CountingStream extends java.io.FilterInputStream {
    /** Written by a read-ahead thread, read for progress by the parser's. */
    volatile long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** At most {@code remaining} bytes of a stream. */
  private static final class RangeStream extends java.io.FilterInputStream {
    private long remaining;

    RangeStream(InputStream in, long length) {
      super(in);
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }
  }

  /** Whether the file starts with the gzip magic bytes. */
  static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  static LineSource open(Path file) throws IOException {
    CountingStream counted = new CountingStream(Files.newInputStream(file));
    BufferedInputStream raw = new BufferedInputStream(counted, 1 << 16);
    raw.mark(2);
    int b1 = raw.read();
    int b2 = raw.read();
    raw.reset();
    boolean gzip = b1 == 0x1f && b2 == 0x8b;
    try {
      // Inflating runs on its own thread, beside the parsing, which takes as long again.
      InputStream in =
          gzip ? new ReadAheadStream(new GZIPInputStream(raw, 1 << 16), file.toString()) : raw;
      return new LineSource(file, in, counted);
    } catch (EOFException e) {
      raw.close();
      throw new InputFormatException(file + ": truncated gzip stream (it ends inside the header)");
    }
  }

  /**
   * The lines of bytes {@code from} (inclusive) to {@code to} (exclusive) of an uncompressed file:
   * one chunk of it, for parsing chunks on separate cores. Line numbers count from the chunk's
   * start.
   */
  static LineSource open(Path file, long from, long to) throws IOException {
    java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file);
    try {
      channel.position(from);
      CountingStream counted =
          new CountingStream(new RangeStream(java.nio.channels.Channels.newInputStream(channel), to - from));
      return new LineSource(file, counted, counted);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  Path file() {
    return file;
  }

  /** Advances to the next line; false at the end of the file. */
  boolean next() throws IOException {
    while (true) {
      int i = newline(buffer, next, filled);
      if (i >= 0) {
        start = next;
        end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
        next = i + 1;
        line++;
        return true;
      }
      if (eof) {
        if (next < filled) {
          start = next;
          end = filled > start && buffer[filled - 1] == '\r' ? filled - 1 : filled;
          next = filled;
          line++;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;

  /**
   * The first '\n' in {@code b[from, to)}, or -1: eight bytes at a time (a byte equal to '\n'
   * is a zero byte of {@code word ^ NEWLINES}, which the classic bit trick finds without a
   * branch per byte), the tail byte by byte. Finding line ends was a sixth of parsing.
   */
  static int newline(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ NEWLINES;
      long found = (x - ONES) & ~x & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private Runnable progress = () -> {};

  /** Called after every buffer refill (about every MB): a cheap place to report progress. */
  void onProgress(Runnable progress) {
    this.progress = progress;
  }

  private void fill() throws IOException {
    if (next > 0) {
      System.arraycopy(buffer, next, buffer, 0, filled - next);
      filled -= next;
      next = 0;
    }
    if (filled == buffer.length) {
      buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
    }
    int n;
    try {
      n = in.read(buffer, filled, buffer.length - filled);
    } catch (EOFException e) {
      throw new InputFormatException(
          file + ": truncated gzip stream (unexpected end of the compressed data after line "
              + line + ")");
    }
    if (n < 0) {
      eof = true;
    } else {
      filled += n;
      bytesRead += n;
    }
    progress.run();
  }

  byte[] buffer() {
    return buffer;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  long lineNumber() {
    return line;
  }

  /** Uncompressed bytes read so far. */
  long bytesRead() {
    return bytesRead;
  }

  /** File bytes read so far (compressed bytes for gzip): progress against the file's size. */
  long fileBytesRead() {
    return raw.count;
  }

  /** The current line as text, for error messages (allocates). */
  String text() {
    int length = Math.min(end - start, 200);
    String text = new String(buffer, start, length, StandardCharsets.UTF_8);
    return end - start > 200 ? text + "..." : text;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
