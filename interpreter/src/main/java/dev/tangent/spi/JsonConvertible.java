package dev.tangent.spi;

/** Module values extend json(x) by converting themselves to core values (maps, lists, numbers). */
public interface JsonConvertible {
  Object toJson();
}
