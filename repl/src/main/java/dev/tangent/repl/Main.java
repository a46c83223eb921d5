package dev.tangent.repl;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The `tangent` command: the REPL, `run FILE`, `check FILE...` and `-e CODE`. */
@Command(name = "tangent",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionInfo.class,
    description = {
      "Tangent: Lie groups, tensors, deformations and networks as values.",
      "With no arguments it starts the REPL."},
    subcommands = {Main.Run.class, Main.Check.class},
    footer = {"", "Exit status: 0 success, 64 usage error, 65 syntax or static error, "
        + "70 runtime error, 130 interrupted (Ctrl-C), 141 output pipe closed."})
public final class Main implements Callable<Integer> {
  @Option(names = {"-e", "--eval"}, paramLabel = "CODE",
      description = "Evaluate CODE and print the value of its last expression (unless nil).")
  String eval;

  @Option(names = "--debug", description = "Print Java stack traces for internal errors.")
  boolean debug;

  private final Io io;

  /** The process's streams; tests pass their own. */
  public record Io(InputStream in, PrintStream out, PrintStream err) {
    static Io system() {
      // Not System.out: a PrintStream hides write errors (see CheckedOutput).
      CheckedOutput.stdout = new CheckedOutput(new java.io.FileOutputStream(java.io.FileDescriptor.out));
      return new Io(System.in, new PrintStream(CheckedOutput.stdout, false, StandardCharsets.UTF_8), System.err);
    }

    PrintWriter outWriter() {
      return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    }

    PrintWriter errWriter() {
      return new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    }
  }

  Main(Io io) {
    this.io = io;
  }

  public static void main(String[] args) {
    if (args.length > 0) Warmup.parser();  // the REPL warms up its own way (ReplSession)
    Io io = Io.system();
    int status = execute(args, io);
    try {
      io.out().flush();
      System.out.flush();
    } catch (RuntimeException e) {
      if (status == ExitCodes.OK) status = CheckedOutput.stdoutClosed() ? ExitCodes.BROKEN_PIPE : ExitCodes.RUNTIME_ERROR;
    }
    System.exit(status);
  }

  /** Parses the command line and does what it asks; returns the exit status. */
  public static int execute(String[] args, Io io) {
    Integer status;
    try {
      status = common(args, io);
    } catch (RuntimeException | Error e) {
      PrintWriter err = io.errWriter();
      return new ErrorPrinter(err, false).printInternal(e);
    }
    return status != null ? status : parsed(args, io);
  }

  /**
   * The everyday invocations, {@code tangent}, {@code tangent -e CODE} and {@code tangent run
   * FILE ARGS...}, exactly as picocli would treat them, but without building picocli's model:
   * that costs more CPU than all the rest of {@code -e '1 + 2'} (measured in docs/benchmarks.md).
   * Anything else, or anything unusual in these, goes through picocli. Null: not one of them.
   */
  static Integer common(String[] args, Io io) {
    if (args.length == 0) return Repl.runInteractive(false);
    boolean eval = args[0].equals("-e") || args[0].equals("--eval");
    if (eval && args.length == 2 && !args[1].startsWith("-")) return new Main(io).scripts().eval(args[1]);
    if (args[0].equals("run") && args.length >= 2 && !args[1].startsWith("-")) {
      Path file;
      try {
        file = Path.of(args[1]);
      } catch (java.nio.file.InvalidPathException e) {
        return null;
      }
      return new Main(io).scripts().run(file, List.of(args).subList(2, args.length));
    }
    return null;
  }

  private static int parsed(String[] args, Io io) {
    PrintWriter out = io.outWriter();
    PrintWriter err = io.errWriter();
    Main main = new Main(io);
    CommandLine cmd = new CommandLine(main)
        .setOut(out)
        .setErr(err)
        .setExitCodeExceptionMapper(t -> ExitCodes.RUNTIME_ERROR)
        .setParameterExceptionHandler(Main::usageError)
        .setExecutionExceptionHandler((e, c, parsed) -> {
          Main m = c.getCommandSpec().root().userObject() instanceof Main r ? r : main;
          return new ErrorPrinter(err, m.debug).printInternal(e);
        });
    cmd.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
    cmd.getCommandSpec().exitCodeOnUsageHelp(ExitCodes.OK);
    // Everything after the script's path belongs to the script: `tangent run fit.lie --lr 0.1`.
    cmd.getSubcommands().get("run").setStopAtPositional(true);
    int status = cmd.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine c = ex.getCommandLine();
    PrintWriter w = c.getErr();
    w.println("tangent: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
    if (ex instanceof CommandLine.UnmatchedArgumentException u && c.getCommandSpec().parent() == null) {
      for (String arg : u.getUnmatched()) {
        int dot = arg.lastIndexOf('.');
        if (dot > 0 && dev.tangent.spi.Modules.get().extensions().containsKey(arg.substring(dot + 1))) {
          w.println("To run a script: tangent run " + arg);
          break;
        }
      }
    }
    w.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
    w.flush();
    return ExitCodes.USAGE;
  }

  Scripts scripts() {
    return new Scripts(io.outWriter(), io.errWriter(), debug);
  }

  @Override public Integer call() {
    if (eval != null) return scripts().eval(eval);
    return Repl.runInteractive(debug);
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run a script. Arguments after FILE are the script's `args` (a list of strings).")
  static final class Run implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(names = "--debug", description = "Print Java stack traces for internal errors.")
    boolean debug;

    @Parameters(index = "0", paramLabel = "FILE", description = "A script: .lie, .drdm (or another extension a module declares), .tg or no extension for plain Tangent.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Passed to the script as `args`.")
    List<String> args = new ArrayList<>();

    @Override public Integer call() {
      if (main.eval != null) return conflict(main, "-e cannot be combined with run");
      main.debug |= debug;
      return main.scripts().run(file, args);
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Parse and resolve scripts without running them; report every error of every file.")
  static final class Check implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(names = "--debug", description = "Print Java stack traces for internal errors.")
    boolean debug;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scripts to check.")
    List<Path> files;

    @Override public Integer call() {
      if (main.eval != null) return conflict(main, "-e cannot be combined with check");
      main.debug |= debug;
      return main.scripts().check(files);
    }
  }

  private static int conflict(Main main, String message) {
    PrintWriter err = main.io.errWriter();
    err.println("tangent: " + message);
    err.println("Try 'tangent --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  static final class VersionInfo implements CommandLine.IVersionProvider {
    @Override public String[] getVersion() {
      return new String[] {
        "tangent " + dev.tangent.jsr223.Version.get(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
  }
}
