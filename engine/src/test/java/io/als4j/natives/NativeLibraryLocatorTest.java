package io.als4j.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every branch of the search order, on folders the test lays out itself. */
class NativeLibraryLocatorTest {
  @TempDir Path dir;

  private final ShippedOpenBlas shipped = ShippedOpenBlas.forThisPlatform();
  private final ShippedOpenBlas absent =
      new ShippedOpenBlas(getClass().getClassLoader(), "no/such/platform/");

  @Test
  void aNamedLibraryComesFirst() throws IOException {
    Path lib = Files.createFile(dir.resolve("libmine.so"));
    Path system = systemFolderWithLapack();
    LocatedLibrary found =
        new NativeLibraryLocator(lib.toString(), "-Dx", List.of(system), shipped, dir).locate();
    assertEquals(LibrarySource.NAMED, found.source());
    assertEquals(lib, found.lapack());
    assertEquals(lib, found.blas());
  }

  @Test
  void aNamedLibraryThatIsNotAFileIsAnErrorNotSkipped() {
    Path missing = dir.resolve("missing.so");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new NativeLibraryLocator(
                        missing.toString(), "-Dals4j.lapack.library", List.of(), shipped, dir)
                    .locate());
    assertEquals(
        "-Dals4j.lapack.library=" + missing + ": no such readable file (expected: the path of a"
            + " native BLAS/LAPACK library such as libopenblas.so.0 or libmkl_rt.so)",
        e.getMessage());
  }

  @Test
  void theSystemLibraryComesBeforeTheShippedOneAndIsResolvedToItsFile() throws IOException {
    Path system = systemFolderWithLapack();
    Path real = Files.createDirectories(dir.resolve("openblas-pthread")).resolve("liblapack.so.3");
    Files.createFile(real);
    Files.delete(system.resolve("liblapack.so.3"));
    Files.createSymbolicLink(system.resolve("liblapack.so.3"), real);
    LocatedLibrary found =
        new NativeLibraryLocator(null, null, List.of(dir.resolve("empty"), system), shipped, dir)
            .locate();
    assertEquals(LibrarySource.SYSTEM, found.source());
    assertEquals(real.toRealPath(), found.lapack());
    assertEquals(system.resolve("libblas.so.3").toRealPath(), found.blas());
    assertTrue(found.detail().contains("->"), found.detail());
  }

  @Test
  void withoutASystemLibraryTheShippedOpenBlasIsExtracted() throws IOException {
    Path cache = dir.resolve("cache");
    LocatedLibrary found =
        new NativeLibraryLocator(null, null, List.of(dir), shipped, cache).locate();
    assertEquals(LibrarySource.SHIPPED, found.source());
    assertTrue(found.lapack().startsWith(cache), found.lapack().toString());
    assertTrue(Files.size(found.lapack()) > 1_000_000, "libopenblas.so.0 extracted whole");
    // Its RUNPATH is $ORIGIN: the Fortran runtime it links against must sit beside it.
    assertTrue(Files.isRegularFile(found.lapack().resolveSibling("libgfortran.so.5")));
  }

  @Test
  void withNothingAvailableItSaysWhatWasTried() {
    LocatedLibrary found = new NativeLibraryLocator(null, null, List.of(dir), absent, dir).locate();
    assertEquals(LibrarySource.NONE, found.source());
    assertEquals(null, found.lapack());
    assertTrue(found.detail().contains("no system liblapack.so.3"), found.detail());
  }

  private Path systemFolderWithLapack() throws IOException {
    Path system = Files.createDirectories(dir.resolve("system"));
    Files.createFile(system.resolve("liblapack.so.3"));
    Files.createFile(system.resolve("libblas.so.3"));
    return system;
  }
}
