package dev.tangent.repl;

/** The command's exit statuses (BSD sysexits, as jlox uses them, plus the shell's 128 + SIGINT). */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** Bad command line: unknown option, missing file. */
  public static final int USAGE = 64;
  /** Syntax or static (resolver) errors: nothing ran. */
  public static final int STATIC_ERROR = 65;
  /** A runtime error, or an internal error of Tangent itself. */
  public static final int RUNTIME_ERROR = 70;
  /** Ctrl-C stopped the script. */
  public static final int INTERRUPTED = 130;
  /** The output was a pipe that its reader closed (128 + SIGPIPE, what a shell reports). */
  public static final int BROKEN_PIPE = 141;
}
