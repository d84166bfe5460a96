package io.als4j.tools.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream ahead on its own thread, a megabyte at a time, so that producing the bytes (gzip
 * inflation, which cannot be split across cores) overlaps with parsing them. A failure of the
 * underlying stream (a truncated gzip's EOFException, say) is rethrown, unchanged, by the read
 * that reaches it.
 */
final class ReadAheadStream extends InputStream {
  private static final int BUFFER = 1 << 20;
  private static final int BUFFERS = 4;

  /** A filled buffer; {@code length} -1 at the end; {@code failure} what the source threw. */
  private static final class Chunk {
    final byte[] bytes;
    final int length;
    final Throwable failure;

    Chunk(byte[] bytes, int length, Throwable failure) {
      this.bytes = bytes;
      this.length = length;
      this.failure = failure;
    }
  }

  private final InputStream source;
  private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final Thread reader;
  private Chunk current;
  private int position;
  private boolean ended;

  ReadAheadStream(InputStream source, String name) {
    this.source = source;
    for (int i = 0; i < BUFFERS - 1; i++) {
      free.add(new byte[BUFFER]);
    }
    reader = new Thread(this::readAhead, "als4j-read-ahead " + name);
    reader.setDaemon(true);
    reader.start();
  }

  private void readAhead() {
    try {
      while (true) {
        byte[] buffer = free.take();
        int length = 0;
        int n = 0;
        try {
          while (length < buffer.length && (n = source.read(buffer, length, buffer.length - length)) > 0) {
            length += n;
          }
        } catch (IOException | RuntimeException e) {
          if (length > 0) {
            filled.put(new Chunk(buffer, length, null));
          }
          filled.put(new Chunk(null, -1, e));
          return;
        }
        if (length > 0) {
          filled.put(new Chunk(buffer, length, null));
        }
        if (n < 0) {
          filled.put(new Chunk(null, -1, null));
          return;
        }
      }
    } catch (InterruptedException e) {
      // closed before the end: stop reading
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (current == null || position == current.length) {
      if (ended) {
        return -1;
      }
      if (current != null) {
        free.add(current.bytes);
      }
      try {
        current = filled.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading ahead");
      }
      position = 0;
      if (current.length < 0) {
        ended = true;
        Throwable failure = current.failure;
        current = null;
        if (failure instanceof IOException) {
          throw (IOException) failure;
        }
        if (failure instanceof RuntimeException) {
          throw (RuntimeException) failure;
        }
        return -1;
      }
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current.bytes, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    reader.interrupt();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    source.close();
  }
}
