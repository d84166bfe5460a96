package io.als4j.store;

import java.io.IOException;
import java.nio.file.Path;

/** A store file that cannot be trusted: truncated, damaged, foreign or from an unknown version. */
public final class CorruptStoreException extends IOException {
  private static final long serialVersionUID = 1L;

  CorruptStoreException(Path file, String problem) {
    super(file + ": " + problem);
  }

  /** For the readers of each kind, which check their own sections. */
  public static CorruptStoreException of(Path file, String problem) {
    return new CorruptStoreException(file, problem);
  }
}
