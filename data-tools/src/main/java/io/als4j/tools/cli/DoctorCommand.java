package io.als4j.tools.cli;

import io.als4j.kernel.GramKernels;
import io.als4j.natives.NativeLibraryLocator;
import io.als4j.natives.OpenBlasThreads;
import io.als4j.solve.LapackBackend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code als4j doctor}: what to know about this JVM and machine before trusting a benchmark. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the JDK, the Vector API, the Gram kernel, the BLAS and LAPACK implementations (and"
          + " their files), OpenBLAS threads, the CPU's SIMD features, cores and memory.",
      "Exit status " + DoctorCommand.EXIT_UNMET + " when a --require-... option is not met."
    })
final class DoctorCommand implements Callable<Integer> {
  static final int EXIT_UNMET = 3;

  @Spec CommandSpec spec;

  @Option(
      names = "--require-native",
      description = "Fail unless LAPACK runs on a native library.")
  boolean requireNative;

  @Option(
      names = "--require-simd",
      description = "Fail unless the Gram kernel is the Vector API (Panama) one.")
  boolean requireSimd;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String kernel = GramKernels.active().description();
    LapackBackend.Status lapack = LapackBackend.status();
    row(out, "JDK", SystemFacts.jdk());
    row(out, "Vector API", GramKernels.preferredSpecies());
    row(out, "Gram kernel", kernel);
    row(out, "LAPACK", lapack.lapackName() + (lapack.isNative()
        ? " (native, " + lapack.library().source().description() + ")"
        : " (pure Java: " + lapack.fallbackReason() + ")"));
    row(out, "LAPACK file", lapack.isNative() ? lapack.library().lapack().toString() : "-");
    row(out, "BLAS", lapack.blasName() + (lapack.blasName().startsWith("JNI")
        ? " (native): " + lapack.library().blas() : " (pure Java)"));
    row(out, "OpenBLAS threads", openblasThreads(lapack));
    row(out, "library search", lapack.library().detail()
        + "; name one with -Dals4j.lapack.library or $" + NativeLibraryLocator.LIBRARY_ENV);
    row(out, "CPU", SystemFacts.cpuModel());
    row(out, "SIMD", SystemFacts.simd());
    row(out, "cores", Runtime.getRuntime().availableProcessors() + " available to the JVM");
    row(out, "memory", SystemFacts.memory());
    List<String> unmet = unmet(lapack.isNative(), kernel.startsWith("Panama"));
    for (String problem : unmet) {
      spec.commandLine().getErr().println("als4j doctor: " + problem);
    }
    return unmet.isEmpty() ? 0 : EXIT_UNMET;
  }

  /** What the user required that this JVM does not have. */
  List<String> unmet(boolean nativeLapack, boolean panamaKernel) {
    List<String> problems = new ArrayList<>();
    if (requireNative && !nativeLapack) {
      problems.add("--require-native: LAPACK is pure Java, see the LAPACK line above");
    }
    if (requireSimd && !panamaKernel) {
      problems.add(
          "--require-simd: the Gram kernel is scalar; run java with --add-modules"
              + " jdk.incubator.vector (./als4j does)");
    }
    return problems;
  }

  private static String openblasThreads(LapackBackend.Status lapack) {
    if (lapack.openblasThreads() == OpenBlasThreads.NOT_OPENBLAS) {
      return lapack.isNative() ? "n/a (the native library is not OpenBLAS)" : "n/a";
    }
    return lapack.openblasThreads()
        + " (set by als4j: its workers already run in parallel; -Dals4j.openblas.threads=N)";
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf("%-17s %s%n", label + ":", value);
  }
}
