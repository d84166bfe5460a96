package io.als4j.tools;

/** Input that is not what the reader expects; the message names file, line, text and expectation. */
public final class InputFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputFormatException(String message) {
    super(message);
  }
}
