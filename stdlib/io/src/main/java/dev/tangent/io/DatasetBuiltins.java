package dev.tangent.io;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.io.array.Idx;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npy;
import dev.tangent.io.data.ArraySource;
import dev.tangent.io.data.Batched;
import dev.tangent.io.data.FileSource;
import dev.tangent.io.data.RecordFile;
import dev.tangent.io.data.Rows;
import dev.tangent.io.data.Shuffled;
import dev.tangent.io.data.Source;
import dev.tangent.io.data.Subset;
import dev.tangent.io.data.Window;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.TypeValue;
import dev.tangent.spi.ModuleBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** dataset(), dataset_idx(), dataset_npy() and the Dataset methods. */
final class DatasetBuiltins {
  private DatasetBuiltins() {}

  static final TypeValue TYPE = new TypeValue("Dataset", v -> v instanceof Dataset,
      "A pipeline of samples: dataset(x, y).shuffle(seed).batch(n); iterating it yields batches (tuples of tensors).");

  static Builtin[] define(ModuleBuilder m) {
    m.type(Dataset.class, TYPE)
        .method(Builtin.of("shuffle(self, seed, buffer=10000, reshuffle=true)",
            "Shuffled with a seed: the same seed gives the same order. In-memory and uncompressed-file datasets are "
                + "fully permuted; streams (gzip) keep a buffer of that many samples. With reshuffle, each pass "
                + "(epoch) has its own order, derived from the seed.",
            a -> {
              int buffer = a.integer(2, 10000);
              if (buffer < 1) throw TangentError.runtime("shuffle(): buffer must be at least 1");
              return self(a).then(new Shuffled(self(a).source, a.longInt(1, 0), buffer, a.bool(3, true)));
            }))
        .method(Builtin.of("batch(self, size, drop_last=false)",
            "Groups consecutive samples into batches: each field stacked along a new first axis.",
            a -> {
              int n = a.integer(1);
              if (n < 1) throw TangentError.runtime("batch(): size must be at least 1, got " + n);
              return self(a).then(new Batched(self(a).source, n, a.bool(2, false)));
            }))
        .method(Builtin.of("map(self, fn)",
            "Applies fn to every element (a sample, or a batch after batch()); fn gets the fields as arguments "
                + "and returns a tensor or a tuple of tensors: ds.map((x, y) => (x / 255, y)).",
            a -> self(a).then(new MappedSource(self(a).source, a.callable(1), a.ctx()))))
        .method(Builtin.of("split(self, fraction, seed=nil)",
            "Two datasets: the first fraction (0..1) of the samples, or that many samples when fraction >= 1, "
                + "and the rest. With a seed the samples are assigned at random (reproducibly).",
            a -> split(a)))
        .method(Builtin.of("take(self, n)", "The first n elements.",
            a -> self(a).then(new Window(self(a).source, 0, a.longInt(1, 0), "take(" + a.longInt(1, 0) + ")"))))
        .method(Builtin.of("skip(self, n)", "All but the first n elements.",
            a -> self(a).then(new Window(self(a).source, a.longInt(1, 0), Long.MAX_VALUE, "skip(" + a.longInt(1, 0) + ")"))));
    Builtin[] fns = {
        Builtin.of("dataset(*arrays)",
            "A dataset of samples from tensors with the same first dimension: dataset(x, y) yields (x[i], y[i]).",
            a -> {
              if (a.rest().isEmpty()) throw TangentError.runtime("dataset(): give at least one tensor");
              NdArray[] arrays = new NdArray[a.rest().size()];
              for (int i = 0; i < arrays.length; i++) {
                Object v = a.rest().get(i);
                if (!(v instanceof Tensor t)) throw TangentError.runtime("dataset(): argument " + (i + 1) + " must be a Tensor, got " + dev.tangent.spi.Types.typeName(v));
                if (t.shape().length == 0) throw TangentError.runtime("dataset(): argument " + (i + 1) + " is a scalar; samples run along the first axis");
                arrays[i] = ArrayConvert.fromTensor(t, null);
                if (arrays[i].shape[0] != arrays[0].shape[0]) {
                  throw TangentError.runtime("dataset(): argument " + (i + 1) + " has " + arrays[i].shape[0] + " samples, the first has " + arrays[0].shape[0]);
                }
              }
              return new Dataset(a.ctx(), new ArraySource(arrays));
            }),
        Builtin.of("dataset_idx(images, labels=nil, normalize=false)",
            "A dataset read lazily from IDX files (MNIST, Fashion-MNIST; gzipped or not): only the samples in use are "
                + "in memory. Yields (image, label); normalize: u8 images as f32 in 0..1.",
            a -> {
              List<RecordFile> files = new ArrayList<>();
              files.add(idxFile(a, 0, a.bool(2, false)));
              if (a.present(1)) files.add(idxFile(a, 1, false));
              return new Dataset(a.ctx(), new FileSource("dataset_idx", files.toArray(new RecordFile[0])));
            }),
        Builtin.of("dataset_npy(*paths, normalize=false)",
            "A dataset read lazily from .npy files with the same first dimension (C order; memory holds only the "
                + "samples in use). normalize: u8 arrays as f32 in 0..1.",
            a -> {
              if (a.rest().isEmpty()) throw TangentError.runtime("dataset_npy(): give at least one .npy path");
              RecordFile[] files = new RecordFile[a.rest().size()];
              for (int i = 0; i < files.length; i++) files[i] = npyFile(a, a.rest().get(i), a.bool(1, false));
              return new Dataset(a.ctx(), new FileSource("dataset_npy", files));
            }),
    };
    m.functions(fns);
    return fns;
  }

  private static Dataset self(Args a) {
    return (Dataset) a.get(0);
  }

  private static RecordFile idxFile(Args a, int i, boolean normalize) {
    Path p = ArrayBuiltins.readable(a, i);
    boolean[] gz = new boolean[1];
    Idx.Header h;
    try {
      h = Idx.readHeader(p, gz);
    } catch (IOException e) {
      throw ArrayBuiltins.failure("dataset_idx", p, e);
    }
    if (h.shape().length == 0) throw TangentError.runtime("dataset_idx(): " + p + ": a 0-dimensional IDX file has no samples");
    return new RecordFile(p, h.dtype(), Rows.rowShape(h.shape()), h.shape()[0], h.dataOffset(), true, gz[0], normalize);
  }

  private static RecordFile npyFile(Args a, Object pathValue, boolean normalize) {
    if (!(pathValue instanceof String s)) throw TangentError.runtime("dataset_npy(): paths must be strings");
    Path p = a.ctx().permissions.checkRead(Path.of(s));
    Npy.Header h;
    try (InputStream in = Files.newInputStream(p)) {
      h = Npy.readHeader(in);
    } catch (IOException e) {
      throw ArrayBuiltins.failure("dataset_npy", p, e);
    }
    if (h.shape().length == 0) throw TangentError.runtime("dataset_npy(): " + p + ": a 0-dimensional array has no samples");
    if (h.fortran() && h.shape().length > 1) {
      throw TangentError.runtime("dataset_npy(): " + p + ": a Fortran-order array cannot be read by rows; load it with load_npy");
    }
    long need = h.dataOffset() + NdArray.count(h.shape()) * h.dtype().bytes;
    try {
      if (Files.size(p) < need) throw TangentError.runtime("dataset_npy(): " + p + ": .npy file is truncated: expected " + need + " bytes");
    } catch (IOException e) {
      throw ArrayBuiltins.failure("dataset_npy", p, e);
    }
    return new RecordFile(p, h.dtype(), Rows.rowShape(h.shape()), h.shape()[0], h.dataOffset(), h.bigEndian(), false, normalize);
  }

  private static Tuple split(Args a) {
    Dataset ds = self(a);
    Source src = ds.source;
    long n = src.size();
    if (n < 0) throw TangentError.runtime("split(): the dataset does not know its length");
    double f = a.num(1);
    long k = f >= 1 ? (long) f : Math.round(f * n);
    if (f < 0 || (f >= 1 && f != Math.rint(f)) || k > n) {
      throw TangentError.runtime("split(): fraction must be in 0..1 or a whole number of samples up to " + n + ", got " + dev.tangent.spi.Display.number(f));
    }
    if (!a.present(2)) {
      return new Tuple(ds.then(new Window(src, 0, k, "split[:" + k + "]")), ds.then(new Window(src, k, n - k, "split[" + k + ":]")));
    }
    if (!src.randomAccess()) {
      throw TangentError.runtime("split(): a seeded split needs random access, which a gzip stream has not; "
          + "split without a seed, or load the data into memory with load_idx and dataset(...)");
    }
    int[] idx = new int[(int) n];
    for (int i = 0; i < n; i++) idx[i] = i;
    SplittableRandom r = new SplittableRandom(a.longInt(2, 0));
    for (int i = idx.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] first = java.util.Arrays.copyOf(idx, (int) k);
    int[] rest = java.util.Arrays.copyOfRange(idx, (int) k, idx.length);
    java.util.Arrays.sort(first);
    java.util.Arrays.sort(rest);
    String seed = "seed " + a.longInt(2, 0);
    return new Tuple(ds.then(new Subset(src, first, "split(" + k + ", " + seed + ")")),
        ds.then(new Subset(src, rest, "split(rest " + (n - k) + ", " + seed + ")")));
  }
}
