package io.als4j.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedOpenBlasTest {
  @TempDir Path cache;
  private final ShippedOpenBlas shipped = ShippedOpenBlas.forThisPlatform();

  @Test
  void extractsOnceAndReusesTheCompleteCopy() throws IOException {
    assumeTrue(shipped.isPresent(), "no shipped OpenBLAS for " + ShippedOpenBlas.platform());
    Path first = shipped.extract(cache).orElseThrow();
    FileTime written = Files.getLastModifiedTime(first);
    Path second = shipped.extract(cache).orElseThrow();
    assertEquals(first, second);
    assertEquals(written, Files.getLastModifiedTime(second));
    try (var entries = Files.list(cache)) {
      assertEquals(1, entries.count(), "no staging folder left behind");
    }
  }

  @Test
  void aFolderThatIsNotACompleteExtractionIsRefused() throws IOException {
    assumeTrue(shipped.isPresent(), "no shipped OpenBLAS for " + ShippedOpenBlas.platform());
    Path first = shipped.extract(cache).orElseThrow();
    Files.delete(first.resolveSibling(".complete"));
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> shipped.extract(cache));
    assertTrue(e.getMessage().contains("delete it"), e.getMessage());
  }

  @Test
  void theCacheFolderIsNamedAfterVersionPlatformAndSize() throws IOException {
    assumeTrue(shipped.isPresent(), "no shipped OpenBLAS for " + ShippedOpenBlas.platform());
    Path library = shipped.extract(cache).orElseThrow();
    String name = library.getParent().getFileName().toString();
    String expected =
        "openblas-[0-9]+\\.[0-9]+\\.[0-9]+-" + ShippedOpenBlas.platform() + "-" + Files.size(library);
    assertTrue(name.matches(expected), name + " does not match " + expected);
  }
}
