package dev.tangent.spi;

/**
 * A type value whose instances are of a Java class registered elsewhere (a group such as SE3 and
 * its elements): help(SE3) then lists the methods of the elements too.
 */
public interface InstanceDocs {
  Class<?> instanceClass();
}
