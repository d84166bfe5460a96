package io.als4j.store;

/** What an als4j store file holds; each kind has its own section layout and version. */
public enum StoreKind {
  MODEL(1, "model"),
  DATASET(2, "dataset store");

  private final int code;
  private final String description;

  StoreKind(int code, String description) {
    this.code = code;
    this.description = description;
  }

  int code() {
    return code;
  }

  public String description() {
    return description;
  }

  static StoreKind ofCode(int code) {
    for (StoreKind k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    return null;
  }
}
