package dev.tangent.lib.cluster;

import dev.tangent.lib.accum.GateStats;
import dev.tangent.lib.accum.Moments;
import dev.tangent.lib.accum.SumMatrix;
import dev.tangent.lib.build.Stage;
import dev.tangent.lib.build.StageAccumulator;
import dev.tangent.lib.linalg.Mat;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * One partition's (or one merged subtree's) sums of a stage, as they travel between executors
 * and to the driver: a {@link StageAccumulator} written field by field (every sum, mean and count
 * exactly, as doubles), or nothing for a partition without data.
 */
final class Partial implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The sums; null until the partition's first batch. */
  transient StageAccumulator value;

  Partial() {}

  /** Adds o's sums to these (either side may be empty). */
  Partial merge(Partial o) {
    if (o.value == null) return this;
    if (value == null) value = o.value;
    else value.merge(o.value);
    return this;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeBoolean(value != null);
    if (value == null) return;
    StageAccumulator a = value;
    out.writeUTF(a.stage.key());
    out.writeLong(a.samples);
    int n = a.moments.length;
    out.writeInt(n);
    for (int l = 0; l < n; l++) {
      Moments m = a.moments[l];
      out.writeBoolean(m != null);
      if (m != null) {
        out.writeInt(m.dim);
        out.writeDouble(m.count());
        out.writeObject(m.mean());
        out.writeObject(m.m2());
      }
      GateStats g = a.gates[l];
      out.writeBoolean(g != null);
      if (g != null) {
        out.writeObject(g.s1);
        writeMat(out, g.s2);
        out.writeDouble(g.count());
      }
      writeSum(out, a.edges[l]);
    }
    writeSum(out, a.mDash);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (!in.readBoolean()) return;
    Stage st = Stage.parse(in.readUTF());
    long samples = in.readLong();
    int n = in.readInt();
    StageAccumulator a = new StageAccumulator(st, n);
    a.samples = samples;
    for (int l = 0; l < n; l++) {
      if (in.readBoolean()) {
        int dim = in.readInt();
        double count = in.readDouble();
        a.moments[l] = new Moments(dim, count, (double[]) in.readObject(), (double[]) in.readObject());
      }
      if (in.readBoolean()) {
        double[] s1 = (double[]) in.readObject();
        Mat s2 = readMat(in);
        a.gates[l] = new GateStats(s1, s2, in.readDouble());
      }
      a.edges[l] = readSum(in);
    }
    a.mDash = readSum(in);
    value = a;
  }

  private static void writeMat(ObjectOutputStream out, Mat m) throws IOException {
    out.writeInt(m.rows);
    out.writeInt(m.cols);
    out.writeObject(m.a);
  }

  private static Mat readMat(ObjectInputStream in) throws IOException, ClassNotFoundException {
    int rows = in.readInt();
    int cols = in.readInt();
    return new Mat(rows, cols, (double[]) in.readObject());
  }

  private static void writeSum(ObjectOutputStream out, SumMatrix s) throws IOException {
    out.writeBoolean(s != null);
    if (s == null) return;
    writeMat(out, s.sum);
    out.writeDouble(s.count());
  }

  private static SumMatrix readSum(ObjectInputStream in) throws IOException, ClassNotFoundException {
    if (!in.readBoolean()) return null;
    Mat m = readMat(in);
    return new SumMatrix(m, in.readDouble());
  }
}
