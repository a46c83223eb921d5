package dev.tangent.spark.exec;

import dev.tangent.spark.ship.Shipment;
import dev.tangent.spi.AtomicFiles;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Display;
import dev.tangent.spi.Json;
import dev.tangent.spi.Modules;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;

/**
 * save(dir, format:) in a task: the partition's elements in one file, part-NNNNN.EXT, written
 * atomically (a temporary file, then a rename) with the permissions of the driver's interpreter.
 * jsonl: one JSON value a line; text: one str(x) a line; npz: a NumPy archive of the partition's
 * tensors named "0", "1", ... (written by io's save_npz). Returns the number of elements written.
 */
public final class Save implements Function2<Integer, Iterator<Object>, Iterator<Long>> {
  private static final long serialVersionUID = 1L;
  private final Shipment shipment;
  private final String dir;
  private final String format;

  public Save(Shipment shipment, String dir, String format) {
    this.shipment = shipment;
    this.dir = dir;
    this.format = format;
  }

  public static String extension(String format) {
    return format.equals("text") ? "txt" : format;
  }

  @Override public Iterator<Long> call(Integer partition, Iterator<Object> in) {
    ExecutorRuntime.Opened o = ExecutorRuntime.open(shipment);
    TaskContext tc = TaskContext.get();
    Path target = Path.of(dir).resolve(String.format("part-%05d.%s", partition, extension(format)));
    long n = 0;
    try {
      Path checked = o.host().context().permissions.checkWrite(target);
      Files.createDirectories(checked.getParent());
      if (format.equals("npz")) {
        TMap arrays = new TMap();
        while (in.hasNext()) {
          ExecutorRuntime.checkKilled(tc);
          Object x = in.next();
          if (!(x instanceof dev.tangent.core.tensor.Tensor)) {
            throw TangentError.runtime("save(format: \"npz\"): every element must be a Tensor, got " + Types.typeName(x));
          }
          arrays.put(String.valueOf(n++), x);
        }
        Object saveNpz = Modules.get().prelude().get("save_npz");
        if (!(saveNpz instanceof Callable)) throw TangentError.runtime("save(format: \"npz\") needs the io module on the executors");
        o.call((Callable) saveNpz, checked.toString(), arrays);
      } else {
        StringBuilder sb = new StringBuilder();
        while (in.hasNext()) {
          ExecutorRuntime.checkKilled(tc);
          Object x = in.next();
          sb.append(format.equals("jsonl") ? Json.write(x) : Display.str(x)).append('\n');
          n++;
        }
        AtomicFiles.writeString(checked, sb.toString());
      }
    } catch (TangentError e) {
      throw ExecutorRuntime.remote(e);
    } catch (IOException e) {
      throw ExecutorRuntime.remote(TangentError.runtime("save: cannot write " + target + ": " + e.getMessage()));
    }
    return List.of(n).iterator();
  }
}
