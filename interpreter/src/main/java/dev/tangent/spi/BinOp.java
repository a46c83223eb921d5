package dev.tangent.spi;

/** Binary operators that can be overloaded by values (see runtime.Operand). */
public enum BinOp {
  ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"), MOD("%"), POW("^"), MATMUL("@"),
  EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

  public final String symbol;

  BinOp(String symbol) { this.symbol = symbol; }

  public boolean isComparison() { return ordinal() >= EQ.ordinal(); }

  public static BinOp of(String text) {
    switch (text) {
      case "+": return ADD;
      case "-": return SUB;
      case "*": return MUL;
      case "/": return DIV;
      case "//": return FLOORDIV;
      case "%": return MOD;
      case "^": case "**": return POW;
      case "@": return MATMUL;
      case "==": return EQ;
      case "!=": return NE;
      case "<": return LT;
      case "<=": return LE;
      case ">": return GT;
      case ">=": return GE;
      default: throw new IllegalArgumentException(text);
    }
  }
}
