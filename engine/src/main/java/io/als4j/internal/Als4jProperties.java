package io.als4j.internal;

/** The names of every system property als4j reads, in one place. */
public final class Als4jProperties {
  /**
   * Which Gram kernel to use: {@code auto} (default), {@code scalar} or {@code panama}. A forced
   * value that cannot be honoured fails at start-up instead of silently measuring another kernel.
   */
  public static final String KERNEL = "als4j.kernel";

  /**
   * Vector width in bits for the Panama kernel (128, 256, 512, at most what the CPU prefers). Unset:
   * the preferred width. Lets one AVX2 machine test the 128-bit code that ARM and older x86 run.
   */
  public static final String VECTOR_BITS = "als4j.vectorBits";

  /**
   * Which LAPACK to use: {@code auto} (default: native if one is found, else the Java fallback),
   * {@code native} (fail at start-up without one) or {@code java}.
   */
  public static final String LAPACK = "als4j.lapack";

  /**
   * Which solver factors each row's K×K system: {@code auto} (default: als4j's Cholesky kernel up
   * to {@code SpdSolvers.KERNEL_MAX_N} unknowns or without native LAPACK, else LAPACK {@code
   * dposv}), {@code kernel} or {@code lapack}.
   */
  public static final String SOLVER = "als4j.solver";

  /** Path of a native BLAS/LAPACK library to use before any other (also ALS4J_LAPACK_LIBRARY). */
  public static final String LAPACK_LIBRARY = "als4j.lapack.library";

  /** Folder the shipped OpenBLAS is extracted into (default ~/.cache/als4j/native). */
  public static final String NATIVE_CACHE = "als4j.native.cache";

  /**
   * OpenBLAS's own thread count (default 1): als4j already runs one LAPACK call per worker
   * thread, so more oversubscribes the cores.
   */
  public static final String OPENBLAS_THREADS = "als4j.openblas.threads";

  private Als4jProperties() {}
}
