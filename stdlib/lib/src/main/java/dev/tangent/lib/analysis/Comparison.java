package dev.tangent.lib.analysis;

import dev.tangent.lib.result.LibResult;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import java.util.ArrayList;
import java.util.List;

/** LIB and PCA side by side: the two results and a table of metrics (lib.compare). */
public final class Comparison {
  public record Row(String metric, Object lib, Object pca) {}

  private final LibResult lib;
  private final LibResult pca;
  private final List<Row> rows = new ArrayList<>();

  public Comparison(LibResult lib, LibResult pca) {
    this.lib = lib;
    this.pca = pca;
  }

  public void add(String metric, Object l, Object p) { rows.add(new Row(metric, l, p)); }

  public LibResult lib() { return lib; }

  public LibResult pca() { return pca; }

  public List<Row> rowsView() { return rows; }

  public TList rowList() {
    TList out = new TList();
    for (Row r : rows) {
      TMap m = new TMap();
      m.put("metric", r.metric);
      m.put("lib", r.lib);
      m.put("pca", r.pca);
      out.items.add(m);
    }
    return out;
  }

  static String cell(Object v) {
    if (v instanceof Double d) return dev.tangent.spi.Display.str(d);
    return String.valueOf(v);
  }

  public String table() {
    int w0 = "metric".length();
    int w1 = 3;
    int w2 = 3;
    for (Row r : rows) {
      w0 = Math.max(w0, r.metric.length());
      w1 = Math.max(w1, cell(r.lib).length());
      w2 = Math.max(w2, cell(r.pca).length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-" + w0 + "s  %" + w1 + "s  %" + w2 + "s%n", "metric", "LIB", "PCA"));
    for (Row r : rows) sb.append(String.format("%-" + w0 + "s  %" + w1 + "s  %" + w2 + "s%n", r.metric, cell(r.lib), cell(r.pca)));
    return sb.toString().stripTrailing();
  }

  @Override public String toString() { return table(); }
}
