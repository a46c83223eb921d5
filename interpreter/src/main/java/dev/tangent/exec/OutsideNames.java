package dev.tangent.exec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names a function reads or writes outside itself, its nested functions included: the
 * variables it captured (in the order of its upvalues), the globals of its script (with their
 * cells) and the imported or built-in names it uses (with their values). The compiler records
 * them so that a function can be rebuilt by another interpreter (spi.FunctionShipping).
 */
public final class OutsideNames {
  public final String[] upvalues;
  public final Map<String, Cell> globals;
  public final Map<String, Object> constants;

  public OutsideNames(String[] upvalues, Map<String, Cell> globals, Map<String, Object> constants) {
    this.upvalues = upvalues;
    this.globals = globals;
    this.constants = constants;
  }

  /** What the compiler gathers while it compiles one function. */
  public static final class Collector {
    private final Map<String, Cell> globals = new LinkedHashMap<>();
    private final Map<String, Object> constants = new LinkedHashMap<>();

    public void global(String name, Cell cell) { globals.putIfAbsent(name, cell); }

    public void constant(String name, Object value) { constants.putIfAbsent(name, value); }

    /** A nested function's names are its parent's too. */
    public void addAll(Collector inner) {
      inner.globals.forEach(globals::putIfAbsent);
      inner.constants.forEach(constants::putIfAbsent);
    }

    public OutsideNames finish(String[] upvalues) {
      return new OutsideNames(upvalues, globals.isEmpty() ? Map.of() : new LinkedHashMap<>(globals),
          constants.isEmpty() ? Map.of() : new LinkedHashMap<>(constants));
    }
  }
}
