package io.als4j.natives;

/** Where the native BLAS/LAPACK library came from, in the order they are tried. */
public enum LibrarySource {
  /** A file the user named: {@code -Dals4j.lapack.library} or {@code ALS4J_LAPACK_LIBRARY}. */
  NAMED("named by the user"),
  /** The operating system's {@code liblapack.so.3}, e.g. Debian's libopenblas0-pthread. */
  SYSTEM("the system's"),
  /** The OpenBLAS shipped in the {@code org.bytedeco:openblas} jar, extracted to a cache. */
  SHIPPED("shipped with als4j (org.bytedeco:openblas)"),
  /** None: LAPACK runs on netlib's pure-Java implementation. */
  NONE("none");

  private final String description;

  LibrarySource(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
