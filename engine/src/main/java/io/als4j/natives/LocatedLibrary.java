package io.als4j.natives;

import java.nio.file.Path;

/**
 * The outcome of {@link NativeLibraryLocator#locate()}.
 *
 * @param source where the library came from
 * @param lapack the file providing LAPACK, or null for {@link LibrarySource#NONE}
 * @param blas the file providing BLAS (the same file for OpenBLAS), or null
 * @param detail what was looked at, for the log and {@code als4j doctor}
 */
public record LocatedLibrary(LibrarySource source, Path lapack, Path blas, String detail) {}
