package dev.tangent.lib.result;

import dev.tangent.spi.TangentError;
import dev.tangent.io.array.DType;
import dev.tangent.io.array.MiniJson;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import dev.tangent.lib.accum.GateStats;
import dev.tangent.lib.accum.Moments;
import dev.tangent.lib.accum.SumMatrix;
import dev.tangent.lib.basis.BasisKind;
import dev.tangent.lib.basis.Integration;
import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.basis.LayerMoments;
import dev.tangent.lib.build.Options;
import dev.tangent.lib.build.Stage;
import dev.tangent.lib.build.StageAccumulator;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.spi.Json;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LIB results and shard accumulators as .npz files (numpy reads them: np.load(path)["layer0.C"]),
 * with a "meta.json" member (UTF-8 bytes) describing the layers, options and stage. Written
 * atomically.
 */
public final class LibFiles {
  private LibFiles() {}

  static final String FORMAT = "tangent-lib";
  static final String ACC_FORMAT = "tangent-lib-accumulator";

  static NdArray mat(Mat m) { return NdArray.ofDoubles(new int[] {m.rows, m.cols}, m.a); }

  static NdArray vec(double[] v) { return NdArray.ofDoubles(new int[] {v.length}, v); }

  /** The settings as a map (meta.json and r.options). */
  public static TMap options(Options o) {
    TMap m = new TMap();
    m.put("basis", o.kind().text);
    m.put("center", o.center());
    m.put("integration", o.integration().rule());
    m.put("n_intervals", (double) o.integration().intervals());
    m.put("threshold", o.threshold());
    m.put("rotate_final", o.rotateFinal());
    m.put("batch", (double) o.batch());
    m.put("threads", (double) o.threads());
    m.put("edges", o.edges());
    m.put("last_pos", o.lastPos());
    return m;
  }

  static TList shapeList(int[] s) {
    TList l = new TList();
    for (int v : s) l.items.add((double) v);
    return l;
  }

  static int[] shape(Map<?, ?> meta) {
    List<?> l = list(meta, "input_shape");
    int[] out = new int[l.size()];
    for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).intValue();
    return out;
  }

  /** Layers, widths, input shape and options of a shard file, without its arrays. */
  public static LibResult header(Path path, String fn) {
    Map<String, NdArray> in = read(path, fn);
    Map<?, ?> meta = meta(in, path, fn, ACC_FORMAT);
    Layout lay = layout(meta);
    int n = lay.layers.size();
    return new LibResult(lay.layers, lay.widths, lay.positions, lay.hasConst, lay.kind, options((Map<?, ?>) meta.get("options")),
        new LayerMoments[n], new GateStats[n], new LayerBasis[n], new Mat[n], false, 0, "moments", shape(meta), null);
  }

  static Options options(Map<?, ?> m) {
    return new Options(BasisKind.of(str(m, "basis")), bool(m, "center"),
        Integration.of(str(m, "integration"), (int) num(m, "n_intervals")), num(m, "threshold"), bool(m, "rotate_final"),
        (int) num(m, "batch"), (int) num(m, "threads"), bool(m, "edges"), bool(m, "last_pos"));
  }

  static TMap layout(List<String> layers, int[] widths, int[] positions, boolean[] hasConst, String kind) {
    TMap m = new TMap();
    m.put("layers", new TList(layers));
    TList w = new TList();
    TList ps = new TList();
    TList c = new TList();
    for (int i = 0; i < widths.length; i++) {
      w.items.add((double) widths[i]);
      ps.items.add((double) positions[i]);
      c.items.add(hasConst[i]);
    }
    m.put("widths", w);
    m.put("positions", ps);
    m.put("has_const", c);
    m.put("model", kind);
    return m;
  }

  static void putMeta(Map<String, NdArray> out, TMap meta) {
    byte[] b = Json.write(meta).getBytes(StandardCharsets.UTF_8);
    out.put("meta.json", NdArray.ofBytes(DType.U8, new int[] {b.length}, b));
  }

  public static void save(LibResult r, Path path) throws IOException {
    Map<String, NdArray> out = new LinkedHashMap<>();
    TMap meta = layout(r.layers, r.widths, r.positions, r.hasConst, r.modelKind);
    meta.put("format", FORMAT);
    meta.put("version", 1.0);
    meta.put("options", options(r.options));
    meta.put("samples", (double) r.samples);
    meta.put("input_shape", shapeList(r.inputShape));
    meta.put("edges_done", r.edgesDone);
    meta.put("next_stage", r.nextStage == null ? dev.tangent.spi.Nil.NIL : r.nextStage);
    TList basisMeta = new TList();
    TList momentCounts = new TList();
    TList gateCounts = new TList();
    for (int l = 0; l < r.layers.size(); l++) {
      LayerBasis b = r.bases[l];
      String p = "layer" + l + ".";
      if (b != null) {
        TMap bm = new TMap();
        bm.put("kind", b.kind().text);
        bm.put("identity", b.identity());
        bm.put("const_first", b.constFirst());
        basisMeta.items.add(bm);
        out.put(p + "C", mat(b.c()));
        out.put(p + "Cinv", mat(b.cInv()));
        if (b.w() != null) out.put(p + "W", mat(b.w()));
        if (b.wInv() != null) out.put(p + "Winv", mat(b.wInv()));
        if (b.v() != null) out.put(p + "V", mat(b.v()));
        if (b.lambdaRaw() != null) out.put(p + "lambda_raw", vec(b.lambdaRaw()));
        if (b.lambdas() != null) out.put(p + "lambdas", vec(b.lambdas()));
        if (b.gramValues() != null) out.put(p + "gram_values", vec(b.gramValues()));
      } else {
        basisMeta.items.add(dev.tangent.spi.Nil.NIL);
      }
      LayerMoments m = r.moments[l];
      momentCounts.items.add(m == null ? dev.tangent.spi.Nil.NIL : (Object) m.count());
      if (m != null) {
        out.put("moments" + l + ".mean", vec(m.mean()));
        out.put("moments" + l + ".gram", mat(m.gram()));
      }
      GateStats g = r.gates[l];
      gateCounts.items.add(g == null ? dev.tangent.spi.Nil.NIL : (Object) g.count());
      if (g != null) {
        out.put("gates" + l + ".s1", vec(g.s1));
        out.put("gates" + l + ".s2", mat(g.s2));
      }
      if (r.edges[l] != null) out.put("edges" + l, mat(r.edges[l]));
    }
    meta.put("bases", basisMeta);
    meta.put("moment_counts", momentCounts);
    meta.put("gate_counts", gateCounts);
    putMeta(out, meta);
    Npz.write(path, out, false);
  }

  static Map<String, NdArray> read(Path path, String fn) {
    try {
      return Npz.read(path);
    } catch (IOException | RuntimeException e) {
      throw TangentError.runtime(fn + "(): " + path + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  static Map<?, ?> meta(Map<String, NdArray> in, Path path, String fn, String format) {
    NdArray m = in.get("meta.json");
    if (m == null) throw TangentError.runtime(fn + "(): " + path + " is not a " + format + " file (no meta.json member)");
    Object v;
    try {
      v = MiniJson.parse(new String(m.bytes(), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw TangentError.runtime(fn + "(): " + path + ": unreadable meta.json: " + e.getMessage());
    }
    if (!(v instanceof Map<?, ?> map) || !format.equals(map.get("format"))) {
      throw TangentError.runtime(fn + "(): " + path + " is not a " + format + " file");
    }
    return map;
  }

  static Mat mat(Map<String, NdArray> in, String key, Path path, String fn) {
    NdArray a = in.get(key);
    if (a == null) throw TangentError.runtime(fn + "(): " + path + " lacks '" + key + "'");
    if (a.shape.length != 2) throw TangentError.runtime(fn + "(): " + path + ": '" + key + "' must be a matrix");
    return new Mat(a.shape[0], a.shape[1], a.toDoubles());
  }

  static double[] vecOrNull(Map<String, NdArray> in, String key) {
    NdArray a = in.get(key);
    return a == null ? null : a.toDoubles();
  }

  static Mat matOrNull(Map<String, NdArray> in, String key) {
    NdArray a = in.get(key);
    return a == null ? null : new Mat(a.shape[0], a.shape[1], a.toDoubles());
  }

  static String str(Map<?, ?> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof String s)) throw TangentError.runtime("lib file: '" + k + "' missing from meta.json");
    return s;
  }

  static double num(Map<?, ?> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof Number n)) throw TangentError.runtime("lib file: '" + k + "' missing from meta.json");
    return n.doubleValue();
  }

  static boolean bool(Map<?, ?> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof Boolean b)) throw TangentError.runtime("lib file: '" + k + "' missing from meta.json");
    return b;
  }

  static List<?> list(Map<?, ?> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof List<?> l)) throw TangentError.runtime("lib file: '" + k + "' missing from meta.json");
    return l;
  }

  record Layout(List<String> layers, int[] widths, int[] positions, boolean[] hasConst, String kind) {}

  static Layout layout(Map<?, ?> meta) {
    List<String> layers = new ArrayList<>();
    for (Object o : list(meta, "layers")) layers.add(String.valueOf(o));
    List<?> w = list(meta, "widths");
    List<?> c = list(meta, "has_const");
    List<?> ps = list(meta, "positions");
    int[] widths = new int[w.size()];
    int[] pos = new int[w.size()];
    boolean[] hc = new boolean[c.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = ((Number) w.get(i)).intValue();
      pos[i] = ((Number) ps.get(i)).intValue();
      hc[i] = (Boolean) c.get(i);
    }
    if (layers.size() != widths.length || hc.length != widths.length || layers.size() < 2) throw TangentError.runtime("lib file: inconsistent layer lists");
    return new Layout(layers, widths, pos, hc, str(meta, "model"));
  }

  public static LibResult load(Path path) {
    String fn = "lib.load";
    Map<String, NdArray> in = read(path, fn);
    Map<?, ?> meta = meta(in, path, fn, FORMAT);
    try {
      Layout lay = layout(meta);
      Options opt = options((Map<?, ?>) meta.get("options"));
      int n = lay.layers.size();
      LayerMoments[] moments = new LayerMoments[n];
      GateStats[] gates = new GateStats[n];
      LayerBasis[] bases = new LayerBasis[n];
      Mat[] edges = new Mat[n];
      List<?> bm = list(meta, "bases");
      List<?> mc = list(meta, "moment_counts");
      List<?> gc = list(meta, "gate_counts");
      for (int l = 0; l < n; l++) {
        if (mc.get(l) instanceof Number cnt) {
          moments[l] = new LayerMoments(in.get("moments" + l + ".mean").toDoubles(), mat(in, "moments" + l + ".gram", path, fn),
              opt.center() && lay.hasConst[l], lay.hasConst[l], cnt.doubleValue());
        }
        if (gc.get(l) instanceof Number cnt) gates[l] = new GateStats(in.get("gates" + l + ".s1").toDoubles(), mat(in, "gates" + l + ".s2", path, fn), cnt.doubleValue());
        if (bm.get(l) instanceof Map<?, ?> b) {
          String p = "layer" + l + ".";
          LayerMoments m = moments[l];
          bases[l] = new LayerBasis(lay.layers.get(l), lay.widths[l], BasisKind.of(str(b, "kind")), bool(b, "identity"), bool(b, "const_first"),
              mat(in, p + "C", path, fn), mat(in, p + "Cinv", path, fn), matOrNull(in, p + "W"), matOrNull(in, p + "Winv"),
              matOrNull(in, p + "V"), vecOrNull(in, p + "lambda_raw"), vecOrNull(in, p + "lambdas"), vecOrNull(in, p + "gram_values"),
              m == null ? null : m.mean(), m == null ? null : m.gram());
          if (bases[l].c().rows != lay.widths[l]) throw TangentError.runtime(fn + "(): " + path + ": C of layer " + l + " has the wrong shape");
        }
        edges[l] = matOrNull(in, "edges" + l);
      }
      Object next = meta.get("next_stage");
      return new LibResult(lay.layers, lay.widths, lay.positions, lay.hasConst, lay.kind, opt, moments, gates, bases, edges, bool(meta, "edges_done"),
          (long) num(meta, "samples"), next instanceof String s ? s : null, shape(meta), null);
    } catch (TangentError e) {
      throw e;
    } catch (RuntimeException e) {
      throw TangentError.runtime(fn + "(): " + path + " is damaged: " + e);
    }
  }

  // ------------------------------------------------------------------ shard accumulators

  public static void saveAccumulator(StageAccumulator a, LibResult state, Path path) throws IOException {
    Map<String, NdArray> out = new LinkedHashMap<>();
    TMap meta = layout(state.layers, state.widths, state.positions, state.hasConst, state.modelKind);
    meta.put("format", ACC_FORMAT);
    meta.put("version", 1.0);
    meta.put("stage", a.stage.key());
    meta.put("input_shape", shapeList(state.inputShape));
    meta.put("options", options(state.options));
    meta.put("samples", (double) a.samples);
    TList counts = new TList();
    for (int l = 0; l < a.moments.length; l++) {
      TMap c = new TMap();
      if (a.moments[l] != null) {
        out.put("moments" + l + ".mean", vec(a.moments[l].mean()));
        out.put("moments" + l + ".m2", NdArray.ofDoubles(new int[] {a.moments[l].dim, a.moments[l].dim}, a.moments[l].m2()));
        c.put("moments", a.moments[l].count());
      }
      if (a.gates[l] != null) {
        out.put("gates" + l + ".s1", vec(a.gates[l].s1));
        out.put("gates" + l + ".s2", mat(a.gates[l].s2));
        c.put("gates", a.gates[l].count());
      }
      if (a.edges[l] != null) {
        out.put("edges" + l, mat(a.edges[l].sum));
        c.put("edges", a.edges[l].count());
      }
      counts.items.add(c);
    }
    if (a.mDash != null) {
      out.put("mdash", mat(a.mDash.sum));
      meta.put("mdash_count", a.mDash.count());
    }
    meta.put("counts", counts);
    putMeta(out, meta);
    Npz.write(path, out, false);
  }

  /** A shard file's accumulator; its layout and options must match state's. */
  public static StageAccumulator loadAccumulator(Path path, LibResult state, String fn) {
    Map<String, NdArray> in = read(path, fn);
    Map<?, ?> meta = meta(in, path, fn, ACC_FORMAT);
    try {
      Layout lay = layout(meta);
      if (!lay.layers.equals(state.layers) || !java.util.Arrays.equals(lay.widths, state.widths)) {
        throw TangentError.runtime(fn + "(): " + path + " is for node layers " + lay.layers + " of widths " + java.util.Arrays.toString(lay.widths)
            + ", not " + state.layers + " of widths " + java.util.Arrays.toString(state.widths));
      }
      Options opt = options((Map<?, ?>) meta.get("options"));
      if (!opt.equals(state.options.withBatch(opt.batch()).withThreads(opt.threads()))) {
        throw TangentError.runtime(fn + "(): " + path + " was accumulated with other options (" + options(opt) + ")");
      }
      Stage st = Stage.parse(str(meta, "stage"));
      StageAccumulator a = new StageAccumulator(st, lay.layers.size());
      a.samples = (long) num(meta, "samples");
      List<?> counts = list(meta, "counts");
      for (int l = 0; l < lay.layers.size(); l++) {
        Map<?, ?> c = (Map<?, ?>) counts.get(l);
        if (c.get("moments") instanceof Number cnt) {
          a.moments[l] = new Moments(lay.widths[l], cnt.doubleValue(), in.get("moments" + l + ".mean").toDoubles(), in.get("moments" + l + ".m2").toDoubles());
        }
        if (c.get("gates") instanceof Number cnt) a.gates[l] = new GateStats(in.get("gates" + l + ".s1").toDoubles(), mat(in, "gates" + l + ".s2", path, fn), cnt.doubleValue());
        if (c.get("edges") instanceof Number cnt) a.edges[l] = new SumMatrix(mat(in, "edges" + l, path, fn), cnt.doubleValue());
      }
      if (meta.get("mdash_count") instanceof Number cnt) a.mDash = new SumMatrix(mat(in, "mdash", path, fn), cnt.doubleValue());
      return a;
    } catch (TangentError e) {
      throw e;
    } catch (RuntimeException e) {
      throw TangentError.runtime(fn + "(): " + path + " is damaged: " + e);
    }
  }
}
