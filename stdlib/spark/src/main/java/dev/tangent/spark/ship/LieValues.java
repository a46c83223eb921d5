package dev.tangent.spark.ship;

import dev.tangent.lie.batch.BatchElement;
import dev.tangent.lie.batch.BatchTangent;
import dev.tangent.lie.kernel.Bundle;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Rn;
import dev.tangent.lie.groups.GroupRegistry;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.spi.Modules;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lie values on the wire: a group (named, R(n) or a bundle of groups), then the coefficients of an
 * element, a tangent or a batch of either. Only values of the lie module's classes reach here, so
 * this class (and lie) loads only when such a value travels.
 */
final class LieValues {
  private LieValues() {}

  private static final int ELEMENT = 0, TANGENT = 1, ELEMENTS = 2, TANGENTS = 3;
  private static final int NAMED = 0, RN = 1, BUNDLE = 2;

  static boolean handles(Object v) {
    String n = v.getClass().getName();
    return n.startsWith("dev.tangent.lie.") && isLieValue(v);
  }

  private static boolean isLieValue(Object v) {
    return v instanceof Element || v instanceof TangentValue || v instanceof BatchElement || v instanceof BatchTangent;
  }

  static void write(DataOutputStream out, Object v) throws IOException {
    if (v instanceof Element e) {
      out.writeByte(ELEMENT);
      group(out, e.group.kernel);
      doubles(out, e.c);
    } else if (v instanceof TangentValue t) {
      out.writeByte(TANGENT);
      group(out, t.group.kernel);
      doubles(out, t.v);
    } else if (v instanceof BatchElement b) {
      out.writeByte(ELEMENTS);
      group(out, b.group.kernel);
      out.writeInt((int) b.length());
      doubles(out, b.coefficients());
    } else {
      BatchTangent b = (BatchTangent) v;
      out.writeByte(TANGENTS);
      group(out, b.group.kernel);
      out.writeInt(b.n);
      doubles(out, b.v);
    }
  }

  static Object read(DataInputStream in) throws IOException {
    int kind = in.readUnsignedByte();
    Modules.get().module("lie");   // the methods of Lie values are the lie module's
    GroupValue g = group(in);
    switch (kind) {
      case ELEMENT: return g.element(doubles(in));
      case TANGENT: return g.tangent(doubles(in));
      case ELEMENTS: { int n = in.readInt(); return new BatchElement(g, n, doubles(in)); }
      default: { int n = in.readInt(); return new BatchTangent(g, n, doubles(in)); }
    }
  }

  private static void group(DataOutputStream out, LieGroup k) throws IOException {
    if (k instanceof Rn) {
      out.writeByte(RN);
      out.writeInt(k.dof);
    } else if (k instanceof Bundle b) {
      out.writeByte(BUNDLE);
      out.writeInt(b.size());
      for (int i = 0; i < b.size(); i++) group(out, b.part(i));
    } else {
      out.writeByte(NAMED);
      Codec.writeString(out, k.name());
    }
  }

  private static GroupValue group(DataInputStream in) throws IOException {
    int kind = in.readUnsignedByte();
    if (kind == RN) return GroupRegistry.rn(in.readInt());
    if (kind == BUNDLE) {
      int n = in.readInt();
      List<GroupValue> parts = new ArrayList<>();
      for (int i = 0; i < n; i++) parts.add(group(in));
      return GroupRegistry.bundle(parts);
    }
    String name = Codec.readString(in);
    GroupValue g = GroupRegistry.named(name);
    if (g == null) throw new IOException("the Lie group " + name + " is not registered on this executor");
    return g;
  }

  private static void doubles(DataOutputStream out, double[] d) throws IOException {
    out.writeInt(d.length);
    for (double x : d) out.writeDouble(x);
  }

  private static double[] doubles(DataInputStream in) throws IOException {
    double[] d = new double[in.readInt()];
    for (int i = 0; i < d.length; i++) d[i] = in.readDouble();
    return d;
  }
}
