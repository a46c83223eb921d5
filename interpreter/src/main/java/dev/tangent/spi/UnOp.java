package dev.tangent.spi;

public enum UnOp {
  NEG("-"), PLUS("+"), NOT("not");

  public final String symbol;

  UnOp(String symbol) { this.symbol = symbol; }
}
