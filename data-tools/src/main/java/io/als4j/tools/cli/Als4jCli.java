package io.als4j.tools.cli;

import io.als4j.data.InvalidRatingException;
import io.als4j.store.CorruptStoreException;
import io.als4j.tools.InputFormatException;
import io.als4j.train.SolveFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code als4j} command line: {@code ./als4j <command> [options]}. */
@Command(
    name = "als4j",
    mixinStandardHelpOptions = true,
    versionProvider = Als4jCli.Version.class,
    description = "Alternating Least Squares matrix factorization for rating data.",
    subcommands = {
      ImportCommand.class,
      GenerateCommand.class,
      SplitCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      TuneCommand.class,
      RecommendCommand.class,
      SimilarCommand.class,
      DoctorCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Als4jCli implements Runnable {
  /** Exit status for bad input or settings, as opposed to a bug. */
  static final int EXIT_USER_ERROR = 1;

  /**
   * Chronicle announces itself at INFO ("Chronicle core loaded from ..."); users need its warnings
   * only. Held in a field because java.util.logging keeps loggers weakly, and a collected logger
   * forgets its level.
   */
  private static final Logger CHRONICLE_LOG = Logger.getLogger("net.openhft");

  public static void main(String[] args) {
    // One line per log record ("INFO: Gram kernel: ..."), unless the user configured logging.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    }
    if (System.getProperty("java.util.logging.config.file") == null) {
      CHRONICLE_LOG.setLevel(Level.WARNING);
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by the tests. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Als4jCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          String message = userMessage(e);
          if (message == null) {
            throw e;
          }
          commandLine.getErr().println("als4j " + commandLine.getCommandName() + ": " + message);
          return EXIT_USER_ERROR;
        });
    return cli;
  }

  /** A one-line explanation for errors caused by input or settings; null for bugs. */
  private static String userMessage(Exception e) {
    Throwable t = e instanceof UncheckedIOException ? e.getCause() : e;
    if (t instanceof NoSuchFileException) {
      return "file not found: " + t.getMessage();
    }
    if (t instanceof CorruptStoreException) {
      return t.getMessage();
    }
    if (t instanceof IOException) {
      return "cannot read input: " + t;
    }
    if (t instanceof InputFormatException
        || t instanceof InvalidRatingException
        || t instanceof SolveFailedException
        || t instanceof IllegalArgumentException
        || t instanceof IllegalStateException) {
      return t.getMessage();
    }
    return null;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Als4jCli.class.getPackage().getImplementationVersion();
      return new String[] {"als4j " + (v == null ? "(development build)" : v)};
    }
  }
}
