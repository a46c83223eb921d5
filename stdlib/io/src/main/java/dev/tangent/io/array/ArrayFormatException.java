package dev.tangent.io.array;

import java.io.IOException;

/** A file that is not a valid array file of the expected format; the message says what is wrong. */
public final class ArrayFormatException extends IOException {
  public ArrayFormatException(String message) {
    super(message);
  }
}
