package dev.tangent.lib;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.lib.analysis.Comparison;
import dev.tangent.lib.analysis.EdgeAblation;
import dev.tangent.lib.analysis.FourierLabels;
import dev.tangent.lib.analysis.NodeAblation;
import dev.tangent.lib.analysis.Spectra;
import dev.tangent.lib.basis.BasisKind;
import dev.tangent.lib.basis.Integration;
import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.build.LibBuild;
import dev.tangent.lib.build.Options;
import dev.tangent.lib.build.Runner;
import dev.tangent.lib.build.Stage;
import dev.tangent.lib.build.StageAccumulator;
import dev.tangent.lib.data.ModAdd;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.model.Inputs;
import dev.tangent.lib.model.LibModel;
import dev.tangent.lib.result.LibFiles;
import dev.tangent.lib.result.LibResult;
import dev.tangent.lib.section.Section;
import dev.tangent.progress.Progress;
import dev.tangent.progress.ProgressTask;
import dev.tangent.spi.Args;
import dev.tangent.spi.Context;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import static dev.tangent.lib.LibArgs.*;

/** lib.build, lib.load, r.save, lib.accumulate and lib.merge. */
final class BuildFunctions {
  private BuildFunctions() {}

  static Object build(Args a) {
    Options o = options(a);
    Inputs data = inputs(a.get(1), "lib.build", "data");
    LibModel m = model(a.ctx(), a.get(0), names(a.get(2), "lib.build"), data.sampleShape(), o.lastPos());
    LibBuild b = new LibBuild(m, forModel(o, m));
    Object session = a.get("session");
    if (session != null && session != Nil.NIL) {
      // Only here is the Spark-touching package loaded (import lib and one-machine builds never load it).
      dev.tangent.lib.cluster.ClusterBuild.complete(a.ctx(), session, a.get(0), b, data, count(a, "partitions", 0, 0));
      return LibResult.of(b);
    }
    try (ProgressTask p = progress(a.ctx(), "lib.build", (long) b.passesLeft() * data.count, bool(a, "progress", true))) {
      Runner.complete(b, data, p);
    }
    return LibResult.of(b);
  }

  static Object load(Args a) {
    Path p = a.ctx().permissions.checkRead(Path.of(a.str(0)));
    LibResult r = LibFiles.load(p);
    Object model = a.get(1);
    if (model == null || model == Nil.NIL) return r;
    return r.withModel(model(a.ctx(), model, r.layers, r.inputShape, r.options.lastPos()));
  }

  static Object save(Args a) {
    LibResult r = ResultFunctions.result(a);
    Path p = a.ctx().permissions.checkWrite(Path.of(a.str(1)));
    try {
      LibFiles.save(r, p);
    } catch (IOException e) {
      throw TangentError.runtime("save(): " + p + ": " + e.getMessage());
    }
    return p.toString();
  }

  static Object accumulate(Args a) {
    String fn = "lib.accumulate";
    Inputs data = inputs(a.get(1), fn, "data");
    Path path = a.ctx().permissions.checkWrite(Path.of(a.str(2)));
    Object st = a.get("state");
    LibBuild b;
    if (st != null && st != Nil.NIL) {
      if (!(st instanceof LibResult state)) throw TangentError.runtime(fn + "(): state must be a LibResult from lib.merge, got " + Types.typeName(st));
      LibModel m = model(a.ctx(), a.get(0), state.layers, data.sampleShape(), state.options.lastPos());
      b = state.restore(m);
    } else {
      Options o = options(a);
      LibModel m = model(a.ctx(), a.get(0), names(a.get("node_layers"), fn), data.sampleShape(), o.lastPos());
      b = new LibBuild(m, forModel(o, m));
    }
    Stage stage = b.next();
    if (stage == null) throw TangentError.runtime(fn + "(): the build is complete; there is nothing left to accumulate");
    StageAccumulator acc;
    try (ProgressTask p = progress(a.ctx(), fn + " (" + stage.key() + ")", data.count, true)) {
      acc = Runner.pass(b, stage, data, p);
    }
    try {
      LibFiles.saveAccumulator(acc, LibResult.of(b), path);
    } catch (IOException e) {
      throw TangentError.runtime(fn + "(): " + path + ": " + e.getMessage());
    }
    return path.toString();
  }

  static Object merge(Args a) {
    String fn = "lib.merge";
    Object ps = a.get(0);
    List<Path> paths = new ArrayList<>();
    if (ps instanceof String s) paths.add(Path.of(s));
    else if (ps instanceof TList l) for (Object o : l.items) paths.add(Path.of(String.valueOf(o)));
    else throw TangentError.runtime(fn + "(): paths must be a list of shard files, got " + Types.typeName(ps));
    if (paths.isEmpty()) throw TangentError.runtime(fn + "(): no shard files");
    for (Path p : paths) a.ctx().permissions.checkRead(p);
    Object st = a.get("state");
    LibResult header = st instanceof LibResult r ? r : LibFiles.header(paths.get(0), fn);
    LibModel m = model(a.ctx(), a.get(1), header.layers, header.inputShape, header.options.lastPos());
    LibBuild b = st instanceof LibResult r ? r.restore(m) : new LibBuild(m, header.options);
    Stage stage = b.next();
    if (stage == null) throw TangentError.runtime(fn + "(): the state is already complete");
    LibResult shell = LibResult.of(b);
    StageAccumulator total = null;
    for (Path p : paths) {
      StageAccumulator acc = LibFiles.loadAccumulator(p, shell, fn);
      if (!acc.stage.equals(stage)) {
        throw TangentError.runtime(fn + "(): " + p + " holds stage '" + acc.stage.key() + "' but the build's next stage is '" + stage.key() + "'"
            + (st == null ? " (pass state: for later stages)" : ""));
      }
      if (total == null) total = acc;
      else total.merge(acc);
    }
    b.finish(total);
    return LibResult.of(b);
  }

}
