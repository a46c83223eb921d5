package dev.tangent.exec;

import dev.tangent.spi.Context;

/** The activation record of one function call: its slots, captured cells and return value. */
public final class Frame {
  public final Object[] slots;
  public final Cell[] upvalues;
  public final Context ctx;
  public final FunctionCode code;
  public Object ret;

  public Frame(Object[] slots, Cell[] upvalues, Context ctx, FunctionCode code) {
    this.slots = slots;
    this.upvalues = upvalues;
    this.ctx = ctx;
    this.code = code;
  }
}
