package io.als4j.natives;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The OpenBLAS that Maven ships as {@code org.bytedeco:openblas:…:linux-x86_64}: a jar holding
 * {@code libopenblas.so.0} and the GNU Fortran runtime it needs. A library inside a jar cannot be
 * loaded, so it is extracted once into a cache folder named after its version, and reused after
 * that.
 *
 * <p>The library's RUNPATH is {@code $ORIGIN/}, so with its dependencies in the same folder it
 * loads without {@code LD_LIBRARY_PATH}. Extraction goes to a temporary folder that is then renamed
 * into place, so a JVM killed mid-way, or two JVMs extracting at once, never leave a half-written
 * library that looks complete.
 */
public final class ShippedOpenBlas {
  static final String LIBRARY = "libopenblas.so.0";
  /** The library first, then what it links against (only those present in the jar are copied). */
  private static final String[] FILES = {
    LIBRARY, "libgfortran.so.5", "libquadmath.so.0", "libgcc_s.so.1"
  };
  private static final String COMPLETE_MARKER = ".complete";
  private static final String VERSION_FILE = "lib/cmake/openblas/OpenBLASConfigVersion.cmake";
  private static final Pattern VERSION = Pattern.compile("PACKAGE_VERSION \"([^\"]+)\"");

  private final ClassLoader loader;
  private final String resourceDir;

  ShippedOpenBlas(ClassLoader loader, String resourceDir) {
    this.loader = loader;
    this.resourceDir = resourceDir;
  }

  /** The shipped OpenBLAS for this platform, looked up on als4j's class path. */
  public static ShippedOpenBlas forThisPlatform() {
    return new ShippedOpenBlas(
        ShippedOpenBlas.class.getClassLoader(), "org/bytedeco/openblas/" + platform() + "/");
  }

  /** bytedeco's platform name, such as {@code linux-x86_64}. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osName = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx" : os;
    String archName =
        arch.equals("amd64") || arch.equals("x86_64")
            ? "x86_64"
            : arch.equals("aarch64") ? "arm64" : arch;
    return osName + "-" + archName;
  }

  /** Whether the jar for this platform is on the class path. */
  public boolean isPresent() {
    return loader.getResource(resourceDir + LIBRARY) != null;
  }

  /**
   * The extracted {@code libopenblas.so.0} under {@code cacheRoot}, extracting it first if needed.
   *
   * @return empty if the jar for this platform is not on the class path
   * @throws UncheckedIOException if the cache cannot be written
   */
  public Optional<Path> extract(Path cacheRoot) {
    URL library = loader.getResource(resourceDir + LIBRARY);
    if (library == null) {
      return Optional.empty();
    }
    try {
      Path target = cacheRoot.resolve(cacheKey(library));
      if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
        return Optional.of(target.resolve(LIBRARY));
      }
      Files.createDirectories(cacheRoot);
      Path staging = Files.createTempDirectory(cacheRoot, target.getFileName() + ".partial-");
      try {
        for (String file : FILES) {
          try (InputStream in = loader.getResourceAsStream(resourceDir + file)) {
            if (in != null) {
              Files.copy(in, staging.resolve(file));
            }
          }
        }
        Files.createFile(staging.resolve(COMPLETE_MARKER));
        moveIntoPlace(staging, target);
      } finally {
        deleteRecursively(staging);
      }
      if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
        throw new IOException(
            target + " exists but was not written by a complete extraction; delete it");
      }
      return Optional.of(target.resolve(LIBRARY));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot extract the shipped OpenBLAS into " + cacheRoot + ": " + e.getMessage(), e);
    }
  }

  private static void moveIntoPlace(Path staging, Path target) throws IOException {
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Where another JVM finished first the target exists, and the caller checks it is complete.
      if (!Files.exists(target)) {
        throw e;
      }
    }
  }

  /**
   * The cache folder's name: OpenBLAS version, platform and library size, so a different build (a
   * new dependency version, or the same files repackaged in a shaded jar) never reuses another's
   * extraction.
   */
  String cacheKey(URL library) throws IOException {
    String version = "unknown";
    try (InputStream in = loader.getResourceAsStream(resourceDir + VERSION_FILE)) {
      if (in != null) {
        Matcher m = VERSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (m.find()) {
          version = m.group(1);
        }
      }
    }
    long size = library.openConnection().getContentLengthLong();
    String platform = resourceDir.substring(0, resourceDir.length() - 1);
    platform = platform.substring(platform.lastIndexOf('/') + 1);
    return "openblas-" + version + "-" + platform + "-" + size;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
