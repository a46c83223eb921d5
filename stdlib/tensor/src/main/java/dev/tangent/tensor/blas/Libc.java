package dev.tangent.tensor.blas;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.util.Map;

/**
 * The few C library calls Java has no API for, through JNA: setenv (Java's environment is a
 * read-only copy; native libraries read the real one) and looking up a function of a library that
 * is already loaded.
 */
public final class Libc {
  private Libc() {}

  private static final int RTLD_LAZY = 0x1;
  private static final int RTLD_NOLOAD = 0x4;

  /** Sets a variable of the process's environment unless it is set; false where it could not. */
  public static boolean setenvIfAbsent(String name, String value) {
    try {
      Function setenv = NativeLibrary.getInstance("c").getFunction("setenv");
      return setenv.invokeInt(new Object[] {name, value, 0}) == 0;
    } catch (Throwable e) {
      return false;
    }
  }

  /** The variable as the native code sees it (after a setenv), or null. */
  public static String getenv(String name) {
    try {
      return NativeLibrary.getInstance("c").getFunction("getenv").invokeString(new Object[] {name}, false);
    } catch (Throwable e) {
      return System.getenv(name);
    }
  }

  /**
   * A function of a shared library this process has already loaded from that path; it is not
   * loaded again, nor are its symbols made global (RTLD_NOLOAD, RTLD_LOCAL). Null when absent.
   */
  public static Function loadedFunction(String libraryPath, String function) {
    try {
      NativeLibrary lib = NativeLibrary.getInstance(libraryPath,
          Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NOLOAD));
      return lib.getFunction(function);
    } catch (Throwable e) {
      return null;
    }
  }
}
