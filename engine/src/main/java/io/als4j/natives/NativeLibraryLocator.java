package io.als4j.natives;

import io.als4j.internal.Als4jProperties;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the native BLAS/LAPACK library to hand to {@code dev.ludovic.netlib}, in this order:
 *
 * <ol>
 *   <li>a library the user names ({@value Als4jProperties#LAPACK_LIBRARY} or the environment
 *       variable {@value #LIBRARY_ENV}); a name that is not a file is an error, never skipped;
 *   <li>the system's {@code liblapack.so.3} (and {@code libblas.so.3}) in the library path or the
 *       usual system folders, as Debian's libopenblas0-pthread or liblapack3 install them;
 *   <li>the OpenBLAS shipped through Maven in the {@code org.bytedeco:openblas} jar, extracted to
 *       the cache ({@value Als4jProperties#NATIVE_CACHE}, default {@code ~/.cache/als4j/native});
 *   <li>none: netlib's pure-Java LAPACK.
 * </ol>
 */
public final class NativeLibraryLocator {
  /** Environment variable naming a native BLAS/LAPACK library file. */
  public static final String LIBRARY_ENV = "ALS4J_LAPACK_LIBRARY";

  private static final String[] SYSTEM_FOLDERS = {
    "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
    "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib"
  };

  private final String named;
  private final String namedBy;
  private final List<Path> systemFolders;
  private final ShippedOpenBlas shipped;
  private final Path cacheRoot;

  NativeLibraryLocator(
      String named, String namedBy, List<Path> systemFolders, ShippedOpenBlas shipped,
      Path cacheRoot) {
    this.named = named;
    this.namedBy = namedBy;
    this.systemFolders = systemFolders;
    this.shipped = shipped;
    this.cacheRoot = cacheRoot;
  }

  /** A locator reading the system properties, the environment and the real class path. */
  public static NativeLibraryLocator fromEnvironment() {
    String property = System.getProperty(Als4jProperties.LAPACK_LIBRARY);
    String env = System.getenv(LIBRARY_ENV);
    String named = nonBlank(property) ? property : nonBlank(env) ? env : null;
    String namedBy =
        nonBlank(property) ? "-D" + Als4jProperties.LAPACK_LIBRARY : "$" + LIBRARY_ENV;
    List<Path> folders = new ArrayList<>();
    String ldPath = System.getenv("LD_LIBRARY_PATH");
    if (nonBlank(ldPath)) {
      for (String dir : ldPath.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          folders.add(Path.of(dir));
        }
      }
    }
    for (String dir : SYSTEM_FOLDERS) {
      folders.add(Path.of(dir));
    }
    return new NativeLibraryLocator(
        named, namedBy, folders, ShippedOpenBlas.forThisPlatform(), defaultCacheRoot());
  }

  static Path defaultCacheRoot() {
    String configured = System.getProperty(Als4jProperties.NATIVE_CACHE);
    if (nonBlank(configured)) {
      return Path.of(configured);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = nonBlank(xdg) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("als4j").resolve("native");
  }

  /**
   * @throws IllegalStateException if the user named a library that is not a readable file
   */
  public LocatedLibrary locate() {
    if (named != null) {
      Path file = Path.of(named);
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new IllegalStateException(
            namedBy + "=" + named + ": no such readable file (expected: the path of a native"
                + " BLAS/LAPACK library such as libopenblas.so.0 or libmkl_rt.so)");
      }
      return new LocatedLibrary(
          LibrarySource.NAMED, file.toAbsolutePath(), file.toAbsolutePath(), "named by " + namedBy);
    }
    for (Path folder : systemFolders) {
      Path lapack = folder.resolve("liblapack.so.3");
      if (Files.isRegularFile(lapack)) {
        Path blas = folder.resolve("libblas.so.3");
        Path realLapack = realPath(lapack);
        return new LocatedLibrary(
            LibrarySource.SYSTEM,
            realLapack,
            Files.isRegularFile(blas) ? realPath(blas) : realLapack,
            "found " + lapack + (realLapack.equals(lapack) ? "" : " -> " + realLapack));
      }
    }
    Optional<Path> extracted = shipped.extract(cacheRoot);
    if (extracted.isPresent()) {
      return new LocatedLibrary(
          LibrarySource.SHIPPED, extracted.get(), extracted.get(),
          "no system liblapack.so.3; extracted the shipped OpenBLAS to " + extracted.get().getParent());
    }
    return new LocatedLibrary(
        LibrarySource.NONE, null, null,
        "no library named, no system liblapack.so.3, and no org.bytedeco:openblas jar for "
            + ShippedOpenBlas.platform() + " on the class path");
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (java.io.IOException e) {
      return p;
    }
  }

  private static boolean nonBlank(String s) {
    return s != null && !s.isBlank();
  }
}
