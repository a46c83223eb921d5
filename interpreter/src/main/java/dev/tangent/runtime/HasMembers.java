package dev.tangent.runtime;

import java.util.Collection;

/** Values with members of their own (modules, groups), beyond the methods of their type. */
public interface HasMembers {
  /** The member, or null when there is none. */
  Object member(String name);

  Collection<String> memberNames();
}
