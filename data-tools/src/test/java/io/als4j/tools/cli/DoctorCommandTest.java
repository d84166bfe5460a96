package io.als4j.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.als4j.solve.LapackBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {
  private final CliRunner cli = new CliRunner();

  private int run(String... args) {
    return cli.run(args);
  }

  @Test
  void printsEveryFieldABenchmarkDependsOn() {
    assertEquals(0, run("doctor"), cli.err());
    String text = cli.out();
    for (String field :
        new String[] {"JDK:", "Vector API:", "Gram kernel:", "LAPACK:", "LAPACK file:", "BLAS:",
          "OpenBLAS threads:", "library search:", "CPU:", "SIMD:", "cores:", "memory:"}) {
      assertTrue(text.contains("\n" + field) || text.startsWith(field), field + " missing:\n" + text);
    }
    assertTrue(text.contains(System.getProperty("java.version")), text);
    assertTrue(text.contains(LapackBackend.name()), text);
    assertTrue(text.contains(Runtime.getRuntime().availableProcessors() + " available"), text);
  }

  @Test
  void requirementsThatHoldExitZero() {
    assumeTrue(LapackBackend.isNative(), "no native LAPACK in this JVM");
    assertEquals(0, run("doctor", "--require-native"), cli.err());
  }

  @Test
  void unmetRequirementsAreNamedAndFailTheExitStatus() {
    DoctorCommand doctor = new DoctorCommand();
    doctor.requireNative = true;
    doctor.requireSimd = true;
    List<String> problems = doctor.unmet(false, false);
    assertEquals(2, problems.size());
    assertTrue(problems.get(0).startsWith("--require-native: LAPACK is pure Java"));
    assertTrue(problems.get(1).contains("--add-modules jdk.incubator.vector"));
    assertEquals(List.of(), doctor.unmet(true, true));
    doctor.requireNative = false;
    doctor.requireSimd = false;
    assertEquals(List.of(), doctor.unmet(false, false), "nothing required, nothing unmet");
  }
}
