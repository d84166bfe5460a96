package io.als4j.tools.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadAheadStreamTest {
  @Test
  void deliversEveryByteInOrderAcrossBufferBoundaries() throws IOException {
    Random random = new Random(3);
    for (int size : new int[] {0, 1, (1 << 20) - 1, 1 << 20, 3 * (1 << 20) + 17, 9 * (1 << 20)}) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      try (InputStream in = new ReadAheadStream(new ByteArrayInputStream(data), "test")) {
        byte[] b = new byte[1 + random.nextInt(100_000)];
        int n;
        while ((n = in.read(b, 0, b.length)) >= 0) {
          got.write(b, 0, n);
        }
        assertEquals(-1, in.read(), "stays at the end");
      }
      assertArrayEquals(data, got.toByteArray(), "size " + size);
    }
  }

  @Test
  void singleByteReadsMatchTheSource() throws IOException {
    byte[] data = {1, -2, 3, (byte) 0xff, 0};
    try (InputStream in = new ReadAheadStream(new ByteArrayInputStream(data), "test")) {
      for (byte expected : data) {
        assertEquals(expected & 0xff, in.read());
      }
      assertEquals(-1, in.read());
    }
  }

  @Test
  void theSourcesFailureReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
    EOFException truncated = new EOFException("Unexpected end of ZLIB input stream");
    InputStream failing = new InputStream() {
      private int left = 5_000;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
          throw truncated;
        }
        int n = Math.min(len, Math.min(left, 1_000));
        left -= n;
        return n;
      }
    };
    try (InputStream in = new ReadAheadStream(failing, "test")) {
      byte[] b = new byte[10_000];
      int total = 0;
      IOException thrown = null;
      try {
        int n;
        while ((n = in.read(b, 0, b.length)) >= 0) {
          total += n;
        }
      } catch (IOException e) {
        thrown = e;
      }
      assertEquals(5_000, total, "every byte before the failure");
      assertSame(truncated, thrown, "the source's own exception");
    }
  }
}
