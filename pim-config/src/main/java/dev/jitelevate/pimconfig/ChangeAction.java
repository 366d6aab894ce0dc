package dev.jitelevate.pimconfig;

/** What applying a change does, with the symbol a plan prints. */
public enum ChangeAction {
  CREATE("+"),
  UPDATE("~"),
  REMOVE("-");

  private final String symbol;

  ChangeAction(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
