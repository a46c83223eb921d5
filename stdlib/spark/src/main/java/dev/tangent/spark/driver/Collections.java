package dev.tangent.spark.driver;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spark.exec.Save;
import dev.tangent.spark.exec.Tasks;
import dev.tangent.spark.ship.Codec;
import dev.tangent.spark.ship.Packer;
import dev.tangent.spark.value.Distributed;
import dev.tangent.spark.value.Session;
import dev.tangent.spi.Args;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.FunctionShipping;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Types;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/** The built-ins of sessions and distributed collections (declared in SparkExports). */
public final class Collections {
  private Collections() {}

  // ------------------------------------------------------------------ sessions

  public static Session session(Args a) {
    String master = a.str(0, "local[*]");
    String app = a.str(1, "tangent");
    TMap conf = a.present(2) ? a.as(2, TMap.class, "a map of Spark settings") : new TMap();
    SessionHandle h = SessionHandle.start(a.ctx(), master, app, conf);
    return new Session(h, master, app);
  }

  static SessionHandle handle(Args a) {
    return (SessionHandle) a.as(0, Session.class, "a Session").handle;
  }

  public static Object stop(Args a) {
    handle(a).stop();
    return Nil.NIL;
  }

  public static Object sessionInfo(Args a, String what) {
    SessionHandle h = handle(a);
    switch (what) {
      case "master": return h.master;
      case "app": return h.app;
      case "stopped": return h.stopped();
      default: return (double) h.live().defaultParallelism();
    }
  }

  private static int partitions(Args a, int i, JavaSparkContext sc) {
    if (!a.present(i)) return sc.defaultParallelism();
    int n = a.integer(i);
    if (n < 1) throw TangentError.runtime(a.fn().name() + "(): " + a.label(i) + " must be at least 1, got " + n);
    return n;
  }

  public static Distributed range(Args a) {
    SessionHandle h = handle(a);
    JavaSparkContext sc = h.live();
    long start = 0;
    long end;
    if (a.present(2)) {
      start = whole(a, 1);
      end = whole(a, 2);
    } else {
      end = whole(a, 1);
    }
    long step = a.present(3) ? whole(a, 3) : 1;
    if (step == 0) throw TangentError.runtime("range(): step must not be 0");
    int n = partitions(a, 4, sc);
    JavaRDD<Object> longs = sc.sc().range(start, end, step, n).toJavaRDD();
    String text = "range(" + (start == 0 && step == 1 ? "" : start + ", ") + end + (step == 1 ? "" : ", " + step) + ")";
    return new Distributed(h, longs.mapPartitions(new Tasks.Numbers(), true), List.of(), modules(a.ctx()), text);
  }

  private static long whole(Args a, int i) {
    double x = a.num(i);
    if (x != Math.rint(x) || Math.abs(x) > 9e15) {
      throw TangentError.runtime("range(): " + a.label(i) + " must be a whole number, got " + x);
    }
    return (long) x;
  }

  public static Distributed parallelize(Args a) {
    SessionHandle h = handle(a);
    JavaSparkContext sc = h.live();
    Object data = a.get(1);
    Iterator<Object> it;
    try {
      it = Iteration.iterator(data);
    } catch (TangentError e) {
      throw TangentError.runtime("parallelize(): data must be a list, a tensor (its rows) or another iterable, got "
          + Types.typeName(data));
    }
    String what = data instanceof Tensor t ? "rows of a tensor " + Tensor.shapeText(t.shape()) : null;
    return parallelize(a.ctx(), h, it, partitions(a, 2, sc), what);
  }

  /** A list's items as a collection (for other modules' work: driver.Distribute). */
  static Distributed parallelize(Context ctx, SessionHandle h, List<?> items, int partitions) {
    if (partitions < 1) throw TangentError.runtime("partitions must be at least 1, got " + partitions);
    h.live();
    @SuppressWarnings("unchecked")
    Iterator<Object> it = (Iterator<Object>) items.iterator();
    return parallelize(ctx, h, it, partitions, null);
  }

  private static Distributed parallelize(Context ctx, SessionHandle h, Iterator<Object> it, int partitions, String what) {
    List<String> modules = modules(ctx);
    Codec.Exports exports = Codec.Exports.of(modules);
    List<byte[]> items = new ArrayList<>();
    long i = 0;
    while (it.hasNext()) {
      if ((++i & 1023) == 0) ctx.checkInterrupt();
      Object x = it.next();
      try {
        items.add(Codec.encode(x, exports));
      } catch (Codec.Refused r) {
        throw TangentError.runtime("parallelize(): item " + (i - 1) + (r.path.isEmpty() ? "" : " (its part " + r.path + ")")
            + " is " + r.what + ", which cannot travel to the executors");
      }
    }
    JavaRDD<byte[]> bytes = h.live().parallelize(items, partitions);
    String origin = "parallelize(" + (what != null ? what : items.size() + " items") + ")";
    return new Distributed(h, bytes.mapPartitions(new Tasks.Decode(), true), List.of(), modules, origin);
  }

  /** The paths that match a glob (**, *, ?), sorted, as a collection: read them with io on the executors. */
  public static Distributed files(Args a) {
    SessionHandle h = handle(a);
    JavaSparkContext sc = h.live();
    String glob = a.str(1);
    List<String> paths = glob(a.ctx(), glob);
    int n = a.present(2) ? partitions(a, 2, sc) : Math.max(1, Math.min(paths.size(), sc.defaultParallelism()));
    List<byte[]> items = new ArrayList<>();
    Codec.Exports exports = Codec.Exports.of(List.of());
    for (String p : paths) items.add(Codec.encode(p, exports));
    return new Distributed(h, sc.parallelize(items, n).mapPartitions(new Tasks.Decode(), true), List.of(),
        modules(a.ctx()), "files(\"" + glob + "\"), " + paths.size() + " paths");
  }

  static List<String> glob(Context ctx, String glob) {
    int star = firstWildcard(glob);
    String fixed = glob.substring(0, star);
    int slash = fixed.lastIndexOf('/');
    Path base = Path.of(slash < 0 ? "." : slash == 0 ? "/" : fixed.substring(0, slash)).toAbsolutePath().normalize();
    String pattern = slash < 0 ? glob : glob.substring(slash + 1);
    if (star == glob.length()) {
      Path p = Path.of(glob).toAbsolutePath().normalize();
      ctx.permissions.checkRead(p);
      if (!Files.isRegularFile(p)) throw TangentError.runtime("files(): no file " + glob);
      return List.of(p.toString());
    }
    ctx.permissions.checkRead(base);
    if (!Files.isDirectory(base)) throw TangentError.runtime("files(): no folder " + base + " (from the pattern \"" + glob + "\")");
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    boolean deep = pattern.contains("**") || pattern.contains("/");
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = deep ? Files.walk(base) : Files.list(base)) {
      Iterator<Path> it = walk.iterator();
      long i = 0;
      while (it.hasNext()) {
        if ((++i & 1023) == 0) ctx.checkInterrupt();
        Path p = it.next();
        if (Files.isRegularFile(p) && m.matches(base.relativize(p))) out.add(p.toString());
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw TangentError.runtime("files(): cannot list " + base + ": " + e.getMessage());
    }
    out.sort(null);
    return out;
  }

  private static int firstWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') return i;
    }
    return s.length();
  }

  static List<String> modules(Context ctx) {
    return FunctionShipping.get().modules(ctx);
  }

  // ------------------------------------------------------------------ transformations

  static Distributed self(Args a) {
    return a.as(0, Distributed.class, "a distributed collection");
  }

  @SuppressWarnings("unchecked")
  static JavaRDD<Object> rdd(Distributed d) {
    ((SessionHandle) d.session).live();
    return (JavaRDD<Object>) d.rdd;
  }

  static Distributed derive(Distributed d, JavaRDD<Object> rdd, List<Callable> more, String what) {
    List<Callable> fns = new ArrayList<>(d.functions);
    for (Callable c : more) if (!fns.contains(c)) fns.add(c);
    return new Distributed(d.session, rdd, List.copyOf(fns), d.modules, what + " of " + d.origin);
  }

  private static Callable function(Args a, int i) {
    Object f = a.get(i);
    if (!(f instanceof Callable c)) {
      throw TangentError.runtime(a.fn().name() + "(): " + a.label(i) + " must be a function, got " + Types.typeName(f));
    }
    return c;
  }

  private static Packer.Packed pack(Args a, String role, List<Object> roots, List<String> names) {
    return Packer.pack(a.ctx(), role, roots, names);
  }

  public static Distributed apply(Args a, Tasks.Kind kind) {
    Distributed d = self(a);
    String method = a.fn().name();
    Callable f = function(a, 1);
    Packer.Packed p = pack(a, "the function given to " + method, List.of(f), List.of("f"));
    JavaRDD<Object> out = rdd(d).mapPartitions(new Tasks.Apply(p.shipment(), kind, method), kind != Tasks.Kind.PARTITIONS);
    return derive(d, out, p.functions(), method);
  }

  public static Distributed repartition(Args a) {
    Distributed d = self(a);
    int n = a.integer(1);
    if (n < 1) throw TangentError.runtime("repartition(): n must be at least 1, got " + n);
    JavaRDD<byte[]> bytes = rdd(d).mapPartitions(new Tasks.EncodeEach(d.modules), true);
    return derive(d, bytes.repartition(n).mapPartitions(new Tasks.Decode(), true), List.of(), "repartition(" + n + ")");
  }

  public static Distributed cache(Args a) {
    Distributed d = self(a);
    rdd(d).cache();
    return d;
  }

  public static Object partitionCount(Args a) {
    return (double) rdd(self(a)).getNumPartitions();
  }

  // ------------------------------------------------------------------ actions

  private static <T> T run(Args a, Distributed d, String what, java.util.function.Supplier<T> action) {
    return Jobs.run(a.ctx(), (SessionHandle) d.session, what, d.functions, action);
  }

  public static Object count(Args a) {
    Distributed d = self(a);
    JavaRDD<Object> r = rdd(d);
    return (double) run(a, d, "count", r::count);
  }

  public static TList collect(Args a) {
    Distributed d = self(a);
    JavaRDD<Object> r = rdd(d);
    List<byte[]> parts = run(a, d, "collect", () -> r.mapPartitions(new Tasks.EncodePartition(d.modules)).collect());
    TList out = new TList();
    for (byte[] b : parts) out.items.addAll(((TList) Codec.decode(b, List.of())).items);
    return out;
  }

  public static TList take(Args a) {
    Distributed d = self(a);
    int n = a.integer(1);
    if (n < 0) throw TangentError.runtime("take(): n must not be negative, got " + n);
    JavaRDD<Object> r = rdd(d);
    List<byte[]> items = run(a, d, "take", () -> r.mapPartitions(new Tasks.EncodeEach(d.modules)).take(n));
    TList out = new TList(items.size());
    for (byte[] b : items) out.items.add(Codec.decode(b, List.of()));
    return out;
  }

  public static Object reduce(Args a) {
    Distributed d = self(a);
    Callable f = function(a, 1);
    Packer.Packed p = pack(a, "the function given to reduce", List.of(f), List.of("f"));
    JavaRDD<Object> r = rdd(d);
    List<byte[]> partials = run(a, d, "reduce", () -> r.mapPartitions(new Tasks.Fold(p.shipment(), false, d.modules)).collect());
    if (partials.isEmpty()) throw TangentError.runtime("reduce() of an empty collection").withHint("aggregate(zero, seq, comb) has a value for none");
    Object acc = null;
    for (byte[] b : partials) {
      Object x = Codec.decode(b, List.of());
      acc = acc == null ? x : a.ctx().call(f, acc, x);
    }
    return acc;
  }

  public static Object aggregate(Args a, boolean tree) {
    Distributed d = self(a);
    Object zero = a.get(1);
    Callable seq = function(a, 2);
    Callable comb = function(a, 3);
    String method = tree ? "tree_aggregate" : "aggregate";
    Packer.Packed folding = pack(a, "the functions given to " + method, List.of(zero, seq), List.of("zero", "seq"));
    Packer.Packed merging = pack(a, "the functions given to " + method, List.of(comb), List.of("comb"));
    int depth = tree ? a.integer(4, 2) : 1;
    if (depth < 1) throw TangentError.runtime("tree_aggregate(): depth must be at least 1, got " + depth);
    JavaRDD<Object> r = rdd(d);
    List<Callable> fns = new ArrayList<>(d.functions);
    fns.addAll(folding.functions());
    fns.addAll(merging.functions());
    List<byte[]> partials = Jobs.run(a.ctx(), (SessionHandle) d.session, method, fns, () -> {
      JavaRDD<byte[]> level = r.mapPartitions(new Tasks.Fold(folding.shipment(), true, d.modules));
      if (tree) level = levels(level, depth, merging, d.modules);
      return level.collect();
    });
    Object acc = Codec.decode(Codec.encode(zero, Codec.Exports.of(d.modules)), List.of());
    for (byte[] b : partials) acc = a.ctx().call(comb, acc, Codec.decode(b, List.of()));
    return acc;
  }

  /** Spark's treeAggregate: partial results merged on the executors, level by level. */
  private static JavaRDD<byte[]> levels(JavaRDD<byte[]> partial, int depth, Packer.Packed merging, List<String> modules) {
    int n = partial.getNumPartitions();
    int scale = Math.max((int) Math.ceil(Math.pow(n, 1.0 / depth)), 2);
    while (n > scale + Math.ceil((double) n / scale)) {
      n /= scale;
      JavaPairRDD<Integer, byte[]> keyed = JavaPairRDD.fromJavaRDD(partial.mapPartitionsWithIndex(new Tasks.KeyBy(n), false));
      partial = keyed.groupByKey(new HashPartitioner(n)).mapPartitions(new Tasks.Merge(merging.shipment(), modules));
    }
    return partial;
  }

  public static Object save(Args a) {
    Distributed d = self(a);
    String dir = a.str(1);
    String format = a.str(2, "jsonl");
    if (!List.of("jsonl", "text", "npz").contains(format)) {
      throw TangentError.runtime("save(): format must be \"jsonl\", \"text\" or \"npz\", got \"" + format + "\"");
    }
    Path folder = Path.of(dir).toAbsolutePath().normalize();
    a.ctx().permissions.checkWrite(folder.resolve("part-00000." + Save.extension(format)));
    Packer.Packed p = pack(a, "save", List.of(), List.of());
    JavaRDD<Object> r = rdd(d);
    List<Long> counts = run(a, d, "save", () -> r.mapPartitionsWithIndex(new Save(p.shipment(), folder.toString(), format), false).collect());
    long total = 0;
    for (long c : counts) total += c;
    return (double) total;
  }
}
