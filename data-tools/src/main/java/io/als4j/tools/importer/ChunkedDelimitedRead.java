package io.als4j.tools.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Parses one uncompressed delimited file on all cores: the file is cut at line ends into one
 * chunk per core, each chunk is parsed into its own off-heap triples with its own id
 * dictionaries, and the chunks are then absorbed in file order, so ids and duplicate pairs keep
 * their input order: the result is exactly what one thread reading the whole file gives. Parsing
 * was half of an import on one core (about 145 MB/s).
 *
 * <p>A malformed line is reported with its line number in the file: a chunk counts lines from
 * its own start, and the lines of the chunks before it are added once they are all read. When
 * several chunks fail, the first one's error is the one reported.
 */
final class ChunkedDelimitedRead {
  /** Below this many bytes per chunk one thread reads the file: threads and dictionaries cost more. */
  static long minChunkBytes = 32L << 20;
  /** At most this many chunks: one per core. */
  static int maxChunks = Runtime.getRuntime().availableProcessors();
  /** A guess at the bytes per line, to size each chunk's triple buffer (over-guessing is free). */
  private static final long BYTES_PER_LINE_GUESS = 12;

  private ChunkedDelimitedRead() {}

  /** What was read: lines and uncompressed bytes, all chunks together. */
  record Totals(long lines, long bytes) {}

  /** Chunks worth cutting {@code size} bytes into on this machine: 1 means read it in one go. */
  static int chunks(long size) {
    return (int) Math.max(1, Math.min(maxChunks, size / minChunkBytes));
  }

  /**
   * Reads {@code file} in {@code chunks} chunks into {@code out}.
   *
   * @param readers a fresh reader per chunk (readers keep per-line scratch state)
   * @param header whether the file's first data line is a header
   * @param stringIds whether ids are strings (decided before the chunks start, so they agree)
   * @param progress told the file bytes read so far, from any thread
   */
  static Totals read(Path file, int chunks, Supplier<DelimitedReader> readers, boolean header,
      boolean stringIds, ImportOptions options, boolean timestamps, String expected,
      RatingsCollector out, LongConsumer progress) throws IOException {
    long[] bounds = boundaries(file, chunks);
    List<RatingsCollector> parts = new ArrayList<>();
    long[] lines = new long[chunks];
    long[] bytes = new long[chunks];
    AtomicLongArray done = new AtomicLongArray(chunks);
    ExecutorService pool = Executors.newFixedThreadPool(chunks, r -> {
      Thread t = new Thread(r, "als4j-import-chunk");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < chunks; c++) {
        RatingsCollector part = new RatingsCollector(
            options, timestamps, true, (bounds[c + 1] - bounds[c]) / BYTES_PER_LINE_GUESS);
        part.expecting(expected);
        part.decideIds(stringIds, stringIds);
        parts.add(part);
        final int chunk = c;
        running.add(pool.submit(() -> {
          try (LineSource in = LineSource.open(file, bounds[chunk], bounds[chunk + 1])) {
            in.onProgress(() -> {
              done.set(chunk, in.fileBytesRead());
              long sum = 0;
              for (int i = 0; i < chunks; i++) {
                sum += done.get(i);
              }
              progress.accept(sum);
            });
            readers.get().read(in, part, header && chunk == 0, stringIds);
            lines[chunk] = in.lineNumber();
            bytes[chunk] = in.bytesRead();
          }
          return null;
        }));
      }
      // Every chunk finishes before any failure is reported: the chunks' buffers are freed below.
      for (Future<?> chunk : running) {
        try {
          chunk.get();
        } catch (ExecutionException e) {
          // reported in file order below
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while parsing " + file, e);
        }
      }
      long[] lineOffsets = new long[chunks];
      for (int c = 0; c < chunks; c++) {
        lineOffsets[c] = c == 0 ? 0 : lineOffsets[c - 1] + lines[c - 1];
        awaitChunk(running.get(c), lineOffsets[c], expected);
      }
      out.absorb(parts, lineOffsets);
      long allLines = 0;
      long allBytes = 0;
      for (int c = 0; c < chunks; c++) {
        allLines += lines[c];
        allBytes += bytes[c];
      }
      return new Totals(allLines, allBytes);
    } finally {
      pool.shutdownNow();
      for (RatingsCollector part : parts) {
        part.close();
      }
    }
  }

  /** Waits for one chunk; its failure becomes the import's, with the line number in the file. */
  private static void awaitChunk(Future<?> chunk, long lineOffset, String expected)
      throws IOException {
    try {
      chunk.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RatingsCollector.InvalidLineInChunk) {
        throw new io.als4j.tools.InputFormatException(
            ((RatingsCollector.InvalidLineInChunk) cause).line.message(lineOffset, expected));
      }
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IOException(cause);
    }
  }

  /**
   * Chunk starts: {@code chunks + 1} offsets from 0 to the file's size, each chunk after the first
   * starting just past a line end, so no line is cut. A chunk may be empty (a line longer than a
   * chunk).
   */
  static long[] boundaries(Path file, int chunks) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      long[] bounds = new long[chunks + 1];
      bounds[chunks] = size;
      ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
      for (int c = 1; c < chunks; c++) {
        long at = Math.max(bounds[c - 1], size * c / chunks);
        bounds[c] = lineStartAtOrAfter(channel, at, size, buffer);
      }
      return bounds;
    }
  }

  /** The first offset ≥ {@code at} that follows a '\n' (or the size, if none does). */
  private static long lineStartAtOrAfter(FileChannel channel, long at, long size, ByteBuffer buffer)
      throws IOException {
    if (at == 0) {
      return 0;
    }
    // The line containing byte at-1 ends at the first '\n' from at-1 on.
    long pos = at - 1;
    while (pos < size) {
      buffer.clear();
      int n = channel.read(buffer, pos);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buffer.get(i) == '\n') {
          return pos + i + 1;
        }
      }
      pos += n;
    }
    return size;
  }
}
