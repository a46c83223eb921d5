package dev.tangent.lib.build;

/**
 * One pass over the data: the moments of every node layer (and the gate statistics of gated
 * linear sections), M′ of one node layer whose section needs Jacobians, or the edges.
 */
public record Stage(Kind kind, int layer) {
  public enum Kind { MOMENTS, MDASH, EDGES }

  public static final Stage MOMENTS = new Stage(Kind.MOMENTS, -1);
  public static final Stage EDGES = new Stage(Kind.EDGES, -1);

  public static Stage mDash(int layer) { return new Stage(Kind.MDASH, layer); }

  public String key() {
    switch (kind) {
      case MOMENTS: return "moments";
      case EDGES: return "edges";
      default: return "mdash:" + layer;
    }
  }

  public static Stage parse(String key) {
    if (key.equals("moments")) return MOMENTS;
    if (key.equals("edges")) return EDGES;
    if (key.startsWith("mdash:")) return mDash(Integer.parseInt(key.substring(6)));
    throw new IllegalArgumentException("unknown stage " + key);
  }
}
