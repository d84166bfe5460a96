package io.als4j.train;

/** Which factor matrix a half-sweep solves for. */
public enum Side {
  /** Solve every user's vector wᵢ against the fixed item factors. */
  USERS("user"),
  /** Solve every item's vector uⱼ against the fixed user factors. */
  ITEMS("item");

  private final String singular;

  Side(String singular) {
    this.singular = singular;
  }

  /** "user" or "item". */
  public String singular() {
    return singular;
  }
}
