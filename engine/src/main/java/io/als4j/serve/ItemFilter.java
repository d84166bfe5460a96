package io.als4j.serve;

/** A caller's rule for which items may be recommended (in stock, allowed in this market, ...). */
@FunctionalInterface
public interface ItemFilter {
  /** Whether item {@code item} (dense index) may appear in the results. */
  boolean allow(int item);
}
