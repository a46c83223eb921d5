package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.engine.Owned;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * No nn class makes an engine array over borrowed Java memory (see engine.Owned): no DJL call
 * that takes a Java number (x.div(2.0), x.clip(0, 1), ...: DJL turns the number into a scalar
 * array over a direct buffer and closes it right after) and no NDManager.create from Java values.
 * Those arrays are freed while libtorch may still hold them (autograd, views), which
 * NativeMemoryLifetimeTest shows for the cases it runs; this test keeps new call sites out.
 * engine.Owned (its GPU branch: DJL copies to the device) and TensorBridge (shared memory, by
 * request, kept alive by the DTensor) are the exceptions.
 */
class BorrowedMemoryCallsTest {
  static final Set<String> ARRAYS = Set.of("ai/djl/ndarray/NDArray", "ai/djl/pytorch/engine/PtNDArray",
      "ai/djl/ndarray/NDArrays", "ai/djl/pytorch/jni/JniUtils");
  static final Set<String> MANAGERS = Set.of("ai/djl/ndarray/NDManager", "ai/djl/ndarray/BaseNDManager",
      "ai/djl/pytorch/engine/PtNDManager");
  static final Set<String> ALLOWED = Set.of("dev/tangent/nn/engine/Owned", "dev/tangent/nn/value/TensorBridge");

  @Test void nnMakesNoEngineArrayOverJavaMemory() throws Exception {
    Path where = Path.of(Owned.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> found = new ArrayList<>();
    int scanned = 0;
    // nn's classes folder (a module build) or its jar.
    try (FileSystem jar = Files.isDirectory(where) ? null : FileSystems.newFileSystem(where)) {
      Path classes = jar == null ? where : jar.getPath("/");
      try (Stream<Path> files = Files.walk(classes.resolve("dev/tangent/nn"))) {
        for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
          scanned++;
          scan(p, found);
        }
      }
    }
    assertTrue(scanned > 50, "scanned " + scanned + " classes in " + where);
    assertTrue(found.isEmpty(), "engine arrays over borrowed Java memory (use engine.Owned / engine.Scalars):\n  "
        + String.join("\n  ", found));
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

  static void scan(Path file, List<String> found) throws IOException {
    ClassReader r;
    try (InputStream in = Files.newInputStream(file)) {
      r = new ClassReader(in);
    }
    String cls = r.getClassName();
    String top = cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
    if (ALLOWED.contains(top)) return;
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
