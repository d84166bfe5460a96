package io.als4j.kernel;

import io.als4j.internal.Als4jProperties;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Picks the {@link GramKernel} once per JVM: the Panama kernel where the {@code
 * jdk.incubator.vector} module is present, else the scalar one, and says once which it took.
 *
 * <p>This class must never mention a {@code jdk.incubator.vector} type, not even in a field: it has
 * to load on a JVM started without {@code --add-modules jdk.incubator.vector}.
 */
public final class GramKernels {
  private static final System.Logger LOG = System.getLogger("io.als4j.kernel");
  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String PANAMA_CLASS = "io.als4j.kernel.PanamaGramKernel";

  private GramKernels() {}

  /** The kernel chosen for this JVM (see {@link Als4jProperties#KERNEL}). */
  public static GramKernel active() {
    return Holder.ACTIVE;
  }

  /** The scalar reference kernel. */
  public static GramKernel scalar() {
    return new ScalarGramKernel();
  }

  /** Whether the Vector API module was added to this JVM. */
  public static boolean panamaAvailable() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  /**
   * The Panama kernel.
   *
   * @throws IllegalStateException if the Vector API is not available, with the flag that fixes it
   */
  public static GramKernel panama() {
    return loadPanama(PANAMA_CLASS, GramKernel.class);
  }

  /** Loads a Vector API class by name, so no caller links against the incubator module. */
  static <T> T loadPanama(String className, Class<T> type) {
    if (!panamaAvailable()) {
      throw new IllegalStateException(
          "The Panama kernels need the Vector API, which this JVM was started without:"
              + " add --add-modules jdk.incubator.vector to the java command line");
    }
    try {
      return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("The Panama kernel " + className + " failed to load: " + e, e);
    }
  }

  /**
   * The Vector API's preferred species, such as "256-bit (4 doubles, 8 floats)", or a sentence
   * saying the module is absent.
   */
  @SuppressWarnings("unchecked")
  public static String preferredSpecies() {
    if (!panamaAvailable()) {
      return "not available (run java with --add-modules jdk.incubator.vector)";
    }
    try {
      return ((java.util.function.Supplier<String>)
              Class.forName("io.als4j.kernel.PanamaSpeciesInfo").getDeclaredConstructor()
                  .newInstance())
          .get();
    } catch (ReflectiveOperationException | LinkageError e) {
      return "present but unusable: " + e;
    }
  }

  static GramKernel select(String choice) {
    switch (choice.trim().toLowerCase(Locale.ROOT)) {
      case "scalar":
        return scalar();
      case "panama":
        return panama();
      case "auto":
      case "":
        return panamaAvailable() ? panama() : null;
      default:
        throw new IllegalArgumentException(
            Als4jProperties.KERNEL + ": " + choice + " (expected: auto, scalar or panama)");
    }
  }

  private static final class Holder {
    static final GramKernel ACTIVE = chooseAndReport();

    private static GramKernel chooseAndReport() {
      GramKernel kernel = select(System.getProperty(Als4jProperties.KERNEL, "auto"));
      if (kernel == null) {
        LOG.log(
            Level.WARNING,
            "Gram kernel: scalar, because the Vector API is not available;"
                + " add --add-modules jdk.incubator.vector to the java command line for the SIMD"
                + " kernel");
        return scalar();
      }
      LOG.log(Level.INFO, "Gram kernel: " + kernel.description());
      return kernel;
    }
  }
}
