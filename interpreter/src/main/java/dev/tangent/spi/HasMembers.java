package dev.tangent.spi;

import java.util.Collection;

/** Values with members of their own (modules, groups), beyond the methods of their type. */
public interface HasMembers {
  /** The member, or null when there is none. */
  Object member(String name);

  Collection<String> memberNames();

  /**
   * What decides this value's own members, when something does: values of one class with the same
   * key (==) have the same own members, so a call site may remember a method of the type across
   * them. Null (the default): every value may differ, and call sites look up each time.
   */
  default Object membersKey() { return null; }
}
