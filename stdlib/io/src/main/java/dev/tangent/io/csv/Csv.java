package dev.tangent.io.csv;

import dev.tangent.io.array.ArrayFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, CRLF or LF, a UTF-8 BOM skipped. */
public final class Csv {
  private Csv() {}

  /** The rows of the text; every row has at least one field. Blank lines are skipped. */
  public static List<List<String>> read(Reader in, char delimiter) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false, wasQuoted = false, first = true;
    int line = 1, quoteLine = 0;
    int c;
    while ((c = in.read()) != -1) {
      if (first) {
        first = false;
        if (c == 0xFEFF) continue;
      }
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int n = in.read();
          if (n == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (n != -1) in.reset();
          }
        } else {
          if (c == '\n') line++;
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        quoteLine = line;
      } else if (c == delimiter) {
        row.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          in.mark(1);
          if (in.read() != '\n') in.reset();
        }
        endRow(rows, row, field, wasQuoted);
        row = new ArrayList<>();
        wasQuoted = false;
        line++;
      } else {
        if (wasQuoted) throw new ArrayFormatException("line " + line + ": text after a closing quote");
        field.append((char) c);
      }
    }
    if (quoted) throw new ArrayFormatException("line " + quoteLine + ": a quoted field is never closed");
    endRow(rows, row, field, wasQuoted);
    return rows;
  }

  private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field, boolean wasQuoted) {
    if (row.isEmpty() && field.length() == 0 && !wasQuoted) return;
    row.add(field.toString());
    field.setLength(0);
    rows.add(row);
  }

  public static void writeRow(Writer out, List<String> fields, char delimiter) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) out.write(delimiter);
      String f = fields.get(i);
      boolean quote = f.indexOf(delimiter) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0
          || (!f.isEmpty() && (Character.isWhitespace(f.charAt(0)) || Character.isWhitespace(f.charAt(f.length() - 1))));
      if (quote) {
        out.write('"');
        out.write(f.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(f);
      }
    }
    out.write('\n');
  }
}
