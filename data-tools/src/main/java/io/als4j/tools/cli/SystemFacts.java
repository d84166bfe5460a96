package io.als4j.tools.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Facts about the JVM and the machine that decide how fast als4j can run. */
final class SystemFacts {
  private static final String[] SIMD_FLAGS = {
    "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl", "asimd", "sve"
  };

  private SystemFacts() {}

  static String jdk() {
    return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ") at "
        + System.getProperty("java.home");
  }

  /** A HotSpot flag's value, or "n/a" on JVMs without it. */
  static String vmOption(String name) {
    try {
      return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
          .getVMOption(name).getValue();
    } catch (RuntimeException | LinkageError e) {
      return "n/a";
    }
  }

  /** The SIMD features the JVM will use (HotSpot's flags) and those the CPU reports. */
  static String simd() {
    return "JVM UseAVX=" + vmOption("UseAVX") + " UseFMA=" + vmOption("UseFMA")
        + " UseSuperWord=" + vmOption("UseSuperWord") + "; CPU " + String.join(" ", cpuFlags());
  }

  static String cpuModel() {
    return cpuInfo("model name").orElse(System.getProperty("os.arch") + " (model unknown)");
  }

  private static List<String> cpuFlags() {
    String flags = cpuInfo("flags").or(() -> cpuInfo("Features")).orElse("");
    List<String> present = new ArrayList<>();
    List<String> all = List.of(flags.split("\\s+"));
    for (String f : SIMD_FLAGS) {
      if (all.contains(f)) {
        present.add(f);
      }
    }
    return present.isEmpty() ? List.of("(unknown)") : present;
  }

  private static java.util.Optional<String> cpuInfo(String key) {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(l -> l.startsWith(key) && l.indexOf(':') > 0)
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  static String memory() {
    long max = Runtime.getRuntime().maxMemory();
    String direct = vmOption("MaxDirectMemorySize");
    return String.format(
        Locale.ROOT,
        "max heap %s; rating matrices live off-heap in Chronicle native memory, which"
            + " -XX:MaxDirectMemorySize (%s) does not limit; physical memory %s",
        gib(max), "0".equals(direct) ? "default: the max heap" : direct, physicalMemory());
  }

  private static String physicalMemory() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines
          .filter(l -> l.startsWith("MemTotal:"))
          .map(l -> gib(Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024))
          .findFirst()
          .orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
