package io.als4j.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.als4j.solve.LapackBackend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java fallback can only be forced in a fresh JVM (the LAPACK choice is made once per JVM), so
 * this test starts the command line in one with -Dals4j.lapack=java.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RequireNativeTest {

  @Test
  void trainFailsFastWithoutNativeLapackAndDoctorSaysWhy() throws Exception {
    Result train = runForcedJava("train", "--require-native");
    assertEquals(1, train.status, train.output);
    assertTrue(
        train.output.contains("als4j train: native LAPACK is required (requireNativeLapack,"
            + " --require-native) but F2jLAPACK is pure Java: forced by -Dals4j.lapack=java"),
        train.output);
    assertFalse(train.output.contains("split:"), "it must fail before loading any data");

    Result doctor = runForcedJava("doctor", "--require-native");
    assertEquals(DoctorCommand.EXIT_UNMET, doctor.status, doctor.output);
    assertTrue(doctor.output.contains("LAPACK:           F2jLAPACK (pure Java"), doctor.output);
  }

  @Test
  void withNativeLapackTheSameOptionTrains() {
    assumeTrue(LapackBackend.isNative(), "no native LAPACK in this JVM");
    int status =
        Als4jCli.commandLine()
            .execute("train", "--require-native", "--users", "100", "--items", "80", "--ratings",
                "3000", "-t", "1");
    assertEquals(0, status);
  }

  private record Result(int status, String output) {}

  private static Result runForcedJava(String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("--add-") || a.startsWith("--sun-misc") || a.startsWith(
                "--enable-native") || a.startsWith("-Dchronicle"))
            .toList());
    command.add("-Dals4j.lapack=java");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Als4jCli.class.getName());
    command.addAll(List.of(args));
    Path log = Files.createTempFile("als4j-cli", ".log");
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
      if (!p.waitFor(100, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the command line did not finish: " + command);
      }
      return new Result(p.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
