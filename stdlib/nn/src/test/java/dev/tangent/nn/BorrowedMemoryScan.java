package dev.tangent.nn;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Finds the calls that make an engine array over borrowed Java memory (see nn's engine.Owned) in
 * the compiled classes of one package tree: every DJL array method that takes a Java number
 * (x.div(2.0), x.clip(0, 1), ...: DJL turns the number into a scalar array over a direct buffer
 * and closes it right after) and every NDManager.create from Java values. Those arrays are freed
 * while libtorch may still hold them (autograd, views).
 * stdlib/drdm and stdlib/lib keep copies of this class (nn publishes no test-jar); change them together.
 */
public final class BorrowedMemoryScan {
  private BorrowedMemoryScan() {}

  static final Set<String> ARRAYS = Set.of("ai/djl/ndarray/NDArray", "ai/djl/pytorch/engine/PtNDArray",
      "ai/djl/ndarray/NDArrays", "ai/djl/pytorch/jni/JniUtils");
  static final Set<String> MANAGERS = Set.of("ai/djl/ndarray/NDManager", "ai/djl/ndarray/BaseNDManager",
      "ai/djl/pytorch/engine/PtNDManager");

  /** What a scan saw: the number of classes read and the offending calls, one line each. */
  public record Result(Path where, int scanned, List<String> calls) {}

  /**
   * Scans the classes under packagePath ("dev/tangent/nn") in the classes folder or jar that holds
   * anchor; classes whose top-level class is in allowed ("dev/tangent/nn/engine/Owned") are skipped.
   */
  public static Result scan(Class<?> anchor, String packagePath, Set<String> allowed) throws IOException {
    Path where;
    try {
      where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    List<String> found = new ArrayList<>();
    int scanned = 0;
    // A classes folder (a module build) or a jar.
    try (FileSystem jar = Files.isDirectory(where) ? null : FileSystems.newFileSystem(where)) {
      Path classes = jar == null ? where : jar.getPath("/");
      try (Stream<Path> files = Files.walk(classes.resolve(packagePath))) {
        for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
          scanned++;
          scanClass(p, allowed, found);
        }
      }
    }
    return new Result(where, scanned, found);
  }

  static boolean borrows(String owner, String name, String desc) {
    Type[] args = Type.getArgumentTypes(desc);
    if (ARRAYS.contains(owner)) {
      for (Type t : args) if (t.getDescriptor().equals("Ljava/lang/Number;")) return true;
      return false;
    }
    if (MANAGERS.contains(owner) && name.equals("create")) {
      // create(Shape[, DataType]) is libtorch's own (empty) memory; anything with values borrows.
      for (Type t : args) {
        String d = t.getDescriptor();
        if (!d.equals("Lai/djl/ndarray/types/Shape;") && !d.equals("Lai/djl/ndarray/types/DataType;")) return true;
      }
    }
    return false;
  }

  static void scanClass(Path file, Set<String> allowed, List<String> found) throws IOException {
    ClassReader r;
    try (InputStream in = Files.newInputStream(file)) {
      r = new ClassReader(in);
    }
    String cls = r.getClassName();
    String top = cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
    if (allowed.contains(top)) return;
    r.accept(new ClassVisitor(Opcodes.ASM9) {
      @Override public MethodVisitor visitMethod(int access, String method, String mdesc, String sig, String[] ex) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
            if (borrows(owner, name, desc)) {
              found.add(cls.replace('/', '.') + "." + method + " calls " + owner.substring(owner.lastIndexOf('/') + 1)
                  + "." + name + desc);
            }
          }
        };
      }
    }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
  }
}
