package dev.tangent.spi;

import java.util.function.Predicate;

/** A built-in type as a value: Number, String, List... What type(x) returns for core values. */
public final class TypeValue implements TypeLike {
  private final String name;
  private final Predicate<Object> test;
  private final String doc;

  public TypeValue(String name, Predicate<Object> test, String doc) {
    this.name = name;
    this.test = test;
    this.doc = doc;
  }

  @Override public String typeName() { return name; }
  @Override public boolean isInstance(Object value) { return test.test(value); }
  public String doc() { return doc; }

  @Override public String toString() { return name; }
}
