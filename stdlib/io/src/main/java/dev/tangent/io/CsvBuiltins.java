package dev.tangent.io;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.io.csv.Csv;
import dev.tangent.spi.Args;
import dev.tangent.spi.AtomicFiles;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Display;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import dev.tangent.spi.ModuleBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** load_csv / save_csv. */
final class CsvBuiltins {
  private CsvBuiltins() {}

  static Builtin[] define(ModuleBuilder m) {
    Builtin[] fns = {
        Builtin.of("load_csv(path, header=true, delimiter=',', tensor=false)",
            "A CSV file as a map from column name to column: a tensor when every cell is a number (empty cells "
                + "are nan), else a list of strings. tensor: true gives one [rows, columns] tensor instead. "
                + "Without a header the columns are named \"0\", \"1\"...",
            a -> {
              Path p = ArrayBuiltins.readable(a, 0);
              char delim = delimiter(a, 2);
              List<List<String>> rows;
              try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                rows = Csv.read(r, delim);
              } catch (java.nio.charset.MalformedInputException e) {
                throw TangentError.runtime("load_csv(): " + p + ": not UTF-8 text");
              } catch (IOException e) {
                throw ArrayBuiltins.failure("load_csv", p, e);
              }
              return table(p, rows, a.bool(1, true), a.bool(3, false));
            }),
        Builtin.of("save_csv(path, data, header=nil, delimiter=',')",
            "Writes a CSV file from a map of columns (tensors or lists; the keys are the header), a 2-D tensor, "
                + "a list of rows, or a list of records. header: column names for a tensor or list of rows.",
            a -> {
              Path p = ArrayBuiltins.writable(a, 0);
              char delim = delimiter(a, 3);
              List<List<String>> rows = rows(a);
              try {
                AtomicFiles.write(p, os -> {
                  Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                  for (List<String> row : rows) Csv.writeRow(w, row, delim);
                  w.flush();
                });
              } catch (IOException e) {
                throw ArrayBuiltins.failure("save_csv", p, e);
              }
              return Nil.NIL;
            })};
    m.functions(fns);
    return fns;
  }

  private static char delimiter(Args a, int i) {
    String d = a.str(i, ",");
    if (d.equals("\\t") || d.equals("tab")) return '\t';
    if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n') {
      throw TangentError.runtime(a.fn().name() + "(): delimiter must be one character (not a quote or newline), got " + Display.repr(d));
    }
    return d.charAt(0);
  }

  static Object table(Path p, List<List<String>> rows, boolean header, boolean asTensor) {
    List<String> names = new ArrayList<>();
    int start = 0;
    int width = rows.isEmpty() ? 0 : rows.get(0).size();
    if (header) {
      if (rows.isEmpty()) throw TangentError.runtime("load_csv(): " + p + ": the file is empty (no header line)");
      names.addAll(rows.get(0));
      start = 1;
    } else {
      for (int j = 0; j < width; j++) names.add(Integer.toString(j));
    }
    int n = rows.size() - start;
    for (int i = start; i < rows.size(); i++) {
      if (rows.get(i).size() != width) {
        throw TangentError.runtime("load_csv(): " + p + ": row " + (i + 1) + " has " + rows.get(i).size() + " fields, "
            + (header ? "the header has " : "the first row has ") + width);
      }
    }
    if (asTensor) {
      double[] v = new double[n * width];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < width; j++) {
          Double d = number(rows.get(start + i).get(j));
          if (d == null) {
            throw TangentError.runtime("load_csv(): " + p + ": row " + (start + i + 1) + ", column '" + names.get(j)
                + "' is not a number: " + Display.repr(rows.get(start + i).get(j)) + " (load it without tensor: true)");
          }
          v[i * width + j] = d;
        }
      }
      return Tensor.ofDoubles(new int[] {n, width}, v);
    }
    TMap out = new TMap();
    for (int j = 0; j < width; j++) {
      double[] v = new double[n];
      boolean numeric = true;
      for (int i = 0; i < n && numeric; i++) {
        Double d = number(rows.get(start + i).get(j));
        if (d == null) numeric = false;
        else v[i] = d;
      }
      if (numeric) {
        out.put(names.get(j), Tensor.ofDoubles(new int[] {n}, v));
      } else {
        TList col = new TList(n);
        for (int i = 0; i < n; i++) col.items.add(rows.get(start + i).get(j));
        out.put(names.get(j), col);
      }
    }
    return out;
  }

  /** The number in a cell (empty means nan), or null when the cell is text. */
  static Double number(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("na")) return Double.NaN;
    if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("+inf")) return Double.POSITIVE_INFINITY;
    if (t.equalsIgnoreCase("-inf")) return Double.NEGATIVE_INFINITY;
    char c = t.charAt(0);
    if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) return null;
    if (t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) return null;
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<List<String>> rows(Args a) {
    Object data = a.get(1);
    List<String> header = a.present(2) ? strings(a.get(2)) : null;
    List<List<String>> rows = new ArrayList<>();
    if (data instanceof TMap m) {
      if (m.entries.isEmpty()) throw TangentError.runtime("save_csv(): the map has no columns");
      return columns(m);
    }
    if (header != null) rows.add(header);
    if (data instanceof Tensor t) {
      int[] s = t.shape();
      if (s.length != 2) throw TangentError.runtime("save_csv(): a tensor must be 2-D [rows, columns], got shape " + ArrayConvert.shapeText(s));
      double[] v = t.toDoubleArray();
      for (int i = 0; i < s[0]; i++) {
        List<String> row = new ArrayList<>(s[1]);
        for (int j = 0; j < s[1]; j++) row.add(cell(v[i * s[1] + j]));
        rows.add(row);
      }
      return rows;
    }
    if (data instanceof TList l) {
      if (!l.items.isEmpty() && l.items.get(0) instanceof TMap first) {
        List<Object> keys = new ArrayList<>(first.entries.keySet());
        if (header == null) {
          List<String> h = new ArrayList<>();
          for (Object k : keys) h.add(Display.str(k));
          rows.add(h);
        }
        for (Object r : l.items) {
          if (!(r instanceof TMap rec)) throw TangentError.runtime("save_csv(): every row must be a record like the first");
          List<String> row = new ArrayList<>();
          for (Object k : keys) row.add(cell(rec.get(k)));
          rows.add(row);
        }
        return rows;
      }
      for (Object r : l.items) {
        List<String> row = new ArrayList<>();
        if (r instanceof Tensor rt) {
          for (double x : rt.toDoubleArray()) row.add(cell(x));
        } else {
          Iterator<Object> it = Iteration.iterator(r);
          while (it.hasNext()) row.add(cell(it.next()));
        }
        rows.add(row);
      }
      return rows;
    }
    throw a.typeError(1, "a Map of columns, a 2-D Tensor or a List of rows");
  }

  private static List<List<String>> columns(TMap m) {
    List<String> names = new ArrayList<>();
    List<List<String>> cols = new ArrayList<>();
    int n = -1;
    for (Map.Entry<Object, Object> e : m.entries.entrySet()) {
      names.add(Display.str(e.getKey()));
      List<String> col = new ArrayList<>();
      Object v = e.getValue();
      if (v instanceof Tensor t) {
        if (t.shape().length != 1) throw TangentError.runtime("save_csv(): column '" + Display.str(e.getKey()) + "' must be 1-D, got shape " + ArrayConvert.shapeText(t.shape()));
        for (double x : t.toDoubleArray()) col.add(cell(x));
      } else if (v instanceof TList || v instanceof Tuple) {
        Iterator<Object> it = Iteration.iterator(v);
        while (it.hasNext()) col.add(cell(it.next()));
      } else {
        throw TangentError.runtime("save_csv(): column '" + Display.str(e.getKey()) + "' is a " + Types.typeName(v) + ", not a Tensor or List");
      }
      if (n >= 0 && col.size() != n) {
        throw TangentError.runtime("save_csv(): column '" + Display.str(e.getKey()) + "' has " + col.size() + " values, the first has " + n);
      }
      n = col.size();
      cols.add(col);
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(names);
    for (int i = 0; i < n; i++) {
      List<String> row = new ArrayList<>();
      for (List<String> c : cols) row.add(c.get(i));
      rows.add(row);
    }
    return rows;
  }

  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    Iterator<Object> it = Iteration.iterator(v);
    while (it.hasNext()) out.add(Display.str(it.next()));
    return out;
  }

  /** Numbers in the shortest form that reads back exactly; nil as an empty cell. */
  static String cell(Object v) {
    if (v instanceof Double d) return cell((double) d);
    if (v == Nil.NIL || v == null) return "";
    return Display.str(v);
  }

  static String cell(double d) {
    if (Double.isNaN(d)) return "";
    return Display.fullNumber(d);
  }
}
