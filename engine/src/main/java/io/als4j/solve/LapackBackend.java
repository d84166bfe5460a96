package io.als4j.solve;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import io.als4j.internal.Als4jProperties;
import io.als4j.natives.LibrarySource;
import io.als4j.natives.LocatedLibrary;
import io.als4j.natives.NativeLibraryLocator;
import io.als4j.natives.OpenBlasThreads;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The LAPACK (and BLAS) implementation als4j uses, chosen once per JVM and reported once.
 *
 * <p>{@code dev.ludovic.netlib} calls native LAPACK through its JNI shim when it can load a
 * library, and otherwise runs its pure-Java port. This class decides which library it loads (see
 * {@link NativeLibraryLocator}: named, system, shipped, none), hands the file to netlib through its
 * {@code nativeLibPath} properties before netlib initializes, sets OpenBLAS to one thread, and
 * falls back to Java with a warning that says how to get native speed. {@code -Dals4j.lapack=native}
 * makes a missing native library an error, {@code -Dals4j.lapack=java} skips native altogether.
 */
public final class LapackBackend {
  private static final System.Logger LOG = System.getLogger("io.als4j.solve");
  static final String NETLIB_LAPACK_PATH = "dev.ludovic.netlib.lapack.nativeLibPath";
  static final String NETLIB_BLAS_PATH = "dev.ludovic.netlib.blas.nativeLibPath";

  private static Status status;
  private static RuntimeException failure;

  private LapackBackend() {}

  /** How to choose ({@value Als4jProperties#LAPACK}). */
  public enum Mode {
    AUTO,
    NATIVE,
    JAVA;

    static Mode parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            Als4jProperties.LAPACK + ": " + value + " (expected: auto, native or java)");
      }
    }
  }

  /**
   * What was chosen.
   *
   * @param lapack the LAPACK instance every solve uses
   * @param blas the BLAS instance (native from the same library when LAPACK is native)
   * @param mode the requested mode
   * @param library where the native library came from, and which file
   * @param openblasThreads OpenBLAS's thread count after als4j set it, or {@link
   *     OpenBlasThreads#NOT_OPENBLAS} (also when LAPACK is not native)
   * @param fallbackReason why LAPACK is not native, or null
   */
  public record Status(
      LAPACK lapack,
      BLAS blas,
      Mode mode,
      LocatedLibrary library,
      int openblasThreads,
      String fallbackReason) {

    public boolean isNative() {
      return lapack instanceof NativeLAPACK;
    }

    public String lapackName() {
      return lapack.getClass().getSimpleName();
    }

    public String blasName() {
      return blas.getClass().getSimpleName();
    }

    /** One line for logs: implementation, source and file. */
    public String summary() {
      if (!isNative()) {
        return lapackName() + " (pure Java)";
      }
      return lapackName() + " (native, " + library.source().description() + ": " + library.lapack()
          + (openblasThreads > 0 ? "; OpenBLAS threads " + openblasThreads : "") + ")";
    }
  }

  /**
   * The choice for this JVM, made on first use.
   *
   * @throws IllegalStateException if a native library was required or named and cannot be used;
   *     the same error on every call
   */
  public static synchronized Status status() {
    if (status == null && failure == null) {
      try {
        status =
            load(
                Mode.parse(System.getProperty(Als4jProperties.LAPACK, "auto")),
                NativeLibraryLocator.fromEnvironment(),
                openblasThreads());
        report(status);
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return status;
  }

  /** The shared LAPACK instance; netlib's implementations are stateless and thread-safe. */
  public static LAPACK lapack() {
    return status().lapack();
  }

  /** The implementation's class name, such as {@code JNILAPACK} or {@code F2jLAPACK}. */
  public static String name() {
    return status().lapackName();
  }

  /** Whether LAPACK calls go to a native library. */
  public static boolean isNative() {
    return status().isNative();
  }

  private static int openblasThreads() {
    int threads = Integer.getInteger(Als4jProperties.OPENBLAS_THREADS, 1);
    if (threads < 1) {
      throw new IllegalArgumentException(
          Als4jProperties.OPENBLAS_THREADS + ": " + threads + " (expected: >= 1)");
    }
    return threads;
  }

  static Status load(Mode mode, NativeLibraryLocator locator, int threads) {
    if (mode == Mode.JAVA) {
      LocatedLibrary none =
          new LocatedLibrary(LibrarySource.NONE, null, null, "-D" + Als4jProperties.LAPACK + "=java");
      return javaStatus(mode, none, "forced by -D" + Als4jProperties.LAPACK + "=java");
    }
    LocatedLibrary library = userNetlibPath();
    if (library == null) {
      library = locator.locate();
    }
    if (library.source() == LibrarySource.NONE) {
      if (mode == Mode.NATIVE) {
        throw new IllegalStateException(
            "native LAPACK is required (-D" + Als4jProperties.LAPACK + "=native) but none was"
                + " found: " + library.detail());
      }
      return javaStatus(mode, library, library.detail());
    }
    if (System.getProperty(NETLIB_LAPACK_PATH) == null) {
      System.setProperty(NETLIB_LAPACK_PATH, library.lapack().toString());
    }
    if (System.getProperty(NETLIB_BLAS_PATH) == null) {
      System.setProperty(NETLIB_BLAS_PATH, library.blas().toString());
    }
    LAPACK lapack;
    try {
      lapack = NativeLAPACK.getInstance();
    } catch (RuntimeException | LinkageError e) {
      String reason = "loading " + library.lapack() + " failed (" + e.getMessage() + ")";
      if (mode == Mode.NATIVE || library.source() == LibrarySource.NAMED) {
        throw new IllegalStateException("native LAPACK " + library.detail() + ": " + reason, e);
      }
      return javaStatus(mode, library, reason);
    }
    return new Status(
        lapack, nativeBlasOrJava(), mode, library, OpenBlasThreads.set(library.lapack(), threads),
        null);
  }

  /** A library the user already gave netlib directly counts as named. */
  private static LocatedLibrary userNetlibPath() {
    String path = System.getProperty(NETLIB_LAPACK_PATH);
    if (path == null) {
      return null;
    }
    Path file = Path.of(path);
    String blas = System.getProperty(NETLIB_BLAS_PATH);
    return new LocatedLibrary(
        LibrarySource.NAMED, file, blas == null ? file : Path.of(blas),
        "named by -D" + NETLIB_LAPACK_PATH);
  }

  private static BLAS nativeBlasOrJava() {
    try {
      return NativeBLAS.getInstance();
    } catch (RuntimeException | LinkageError e) {
      return JavaBLAS.getInstance();
    }
  }

  private static Status javaStatus(Mode mode, LocatedLibrary library, String reason) {
    return new Status(
        JavaLAPACK.getInstance(), JavaBLAS.getInstance(), mode, library,
        OpenBlasThreads.NOT_OPENBLAS, reason);
  }

  private static void report(Status s) {
    if (s.isNative()) {
      LOG.log(Level.INFO, "LAPACK: " + s.summary());
    } else if (s.mode() == Mode.JAVA) {
      LOG.log(Level.INFO, "LAPACK: " + s.summary() + ", as requested");
    } else {
      LOG.log(
          Level.WARNING,
          "LAPACK: " + s.summary() + ", slower than native: " + s.fallbackReason()
              + ". For native speed put org.bytedeco:openblas (linux-x86_64) on the class path,"
              + " install libopenblas0-pthread, or set -D" + Als4jProperties.LAPACK_LIBRARY
              + "=/path/to/libopenblas.so.0");
    }
  }
}
