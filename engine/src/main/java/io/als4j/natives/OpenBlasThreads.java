package io.als4j.natives;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.nio.file.Path;

/**
 * OpenBLAS's own thread count, read and set through its C API with JNA.
 *
 * <p>als4j calls LAPACK from its own worker threads on small matrices; OpenBLAS threading on top
 * of that oversubscribes the cores, so the engine sets it to 1 (see {@code
 * -Dals4j.openblas.threads}). JNA opens the same file netlib loaded, and the dynamic linker hands
 * back the already-loaded library, so the setting reaches the instance LAPACK calls go to.
 */
public final class OpenBlasThreads {
  /** Returned when the library has no OpenBLAS thread API (reference LAPACK, MKL). */
  public static final int NOT_OPENBLAS = -1;

  private OpenBlasThreads() {}

  /** Sets the thread count; returns the count the library reports afterwards, or NOT_OPENBLAS. */
  public static int set(Path library, int threads) {
    Function setter = function(library, "openblas_set_num_threads");
    if (setter == null) {
      return NOT_OPENBLAS;
    }
    setter.invokeVoid(new Object[] {threads});
    return get(library);
  }

  /** The thread count OpenBLAS will use, or NOT_OPENBLAS. */
  public static int get(Path library) {
    Function getter = function(library, "openblas_get_num_threads");
    return getter == null ? NOT_OPENBLAS : getter.invokeInt(new Object[0]);
  }

  private static Function function(Path library, String name) {
    try {
      return NativeLibrary.getInstance(library.toString()).getFunction(name);
    } catch (UnsatisfiedLinkError e) {
      return null;
    }
  }
}
