package io.als4j.solve;

import dev.ludovic.netlib.lapack.LAPACK;
import java.lang.System.Logger.Level;

/**
 * The LAPACK implementation {@code dev.ludovic.netlib} picked for this JVM: native through JNI when
 * it found a system {@code liblapack.so.3}, otherwise its pure-Java fallback. Reported once.
 */
public final class LapackBackend {
  private static final System.Logger LOG = System.getLogger("io.als4j.solve");

  private LapackBackend() {}

  /** The shared LAPACK instance; netlib's implementations are stateless and thread-safe. */
  public static LAPACK lapack() {
    return Holder.LAPACK;
  }

  /** The implementation's class name, such as {@code JNILAPACK} or {@code F2jLAPACK}. */
  public static String name() {
    return lapack().getClass().getSimpleName();
  }

  /** Whether LAPACK calls go to a native library. */
  public static boolean isNative() {
    return name().startsWith("JNI");
  }

  private static final class Holder {
    static final LAPACK LAPACK = loadAndReport();

    private static LAPACK loadAndReport() {
      LAPACK lapack = dev.ludovic.netlib.lapack.LAPACK.getInstance();
      String name = lapack.getClass().getSimpleName();
      if (name.startsWith("JNI")) {
        LOG.log(Level.INFO, "LAPACK: " + name + " (native)");
      } else {
        LOG.log(
            Level.WARNING,
            "LAPACK: "
                + name
                + " (pure-Java fallback, slower: no native liblapack.so.3 was found; on Debian"
                + " install libopenblas0-pthread)");
      }
      return lapack;
    }
  }
}
