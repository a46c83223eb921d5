package dev.tangent.repl;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.IoErrors;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output for scripts run from the command line. System.out swallows write errors, so a
 * script printing into a closed pipe ({@code tangent ... | head -1}) ran on for seconds and
 * output to a full disk exited 0. This stream turns the first failed write into a language
 * error that stops the script: a closed pipe then ends the command quietly with status 141 (as
 * SIGPIPE would), any other failure is reported (Scripts).
 */
final class CheckedOutput extends OutputStream {
  static final String BROKEN_PIPE = "the output was closed (broken pipe)";

  /** The process's standard output, once Main set it up (null in tests that pass their own streams). */
  static volatile CheckedOutput stdout;

  private final OutputStream out;
  private volatile boolean pipeClosed;

  static boolean stdoutClosed() {
    CheckedOutput s = stdout;
    return s != null && s.pipeClosed;
  }

  CheckedOutput(OutputStream out) {
    this.out = out;
  }

  boolean pipeClosed() { return pipeClosed; }

  @Override public void write(int b) {
    try {
      out.write(b);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override public void write(byte[] b, int off, int len) {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private TangentError failure(IOException e) {
    String why = IoErrors.describe(e);
    if (why.equals(BROKEN_PIPE)) {
      pipeClosed = true;
      return TangentError.runtime(BROKEN_PIPE);
    }
    return TangentError.runtime("cannot write the output: " + why);
  }
}
