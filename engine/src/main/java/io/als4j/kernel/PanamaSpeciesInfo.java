package io.als4j.kernel;

import java.util.function.Supplier;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** Describes the Vector API's preferred species; loaded by name, like {@link PanamaGramKernel}. */
final class PanamaSpeciesInfo implements Supplier<String> {
  @Override
  public String get() {
    return DoubleVector.SPECIES_PREFERRED.vectorBitSize() + "-bit ("
        + DoubleVector.SPECIES_PREFERRED.length() + " doubles, "
        + FloatVector.SPECIES_PREFERRED.length() + " floats)";
  }
}
