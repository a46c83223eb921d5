package dev.tangent.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * Enough of a VT100 to read what the REPL shows: printable text, CR, LF, backspace, tab, and the
 * cursor-movement and erase sequences JLine uses for line editing; colours are dropped.
 */
final class Screen {
  private final int width;
  private final List<StringBuilder> rows = new ArrayList<>();
  private int row;
  private int col;

  Screen(int width) {
    this.width = width;
    rows.add(new StringBuilder());
  }

  void feed(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == 0x1b) {
        i = escape(s, i + 1);
        continue;
      }
      switch (c) {
        case '\r': col = 0; break;
        case '\n': moveTo(row + 1, col); break;
        case '\b': col = Math.max(0, col - 1); break;
        case '\t': col = Math.min(width - 1, (col / 8 + 1) * 8); break;
        default:
          if (c >= ' ') put(c);
          break;
      }
      i++;
    }
  }

  /** Handles the sequence after ESC at {@code i}; returns the index after it. */
  private int escape(String s, int i) {
    if (i >= s.length()) return i;
    char c = s.charAt(i);
    if (c != '[') {
      return (c == '(' || c == ')') ? i + 2 : i + 1;
    }
    int j = i + 1;
    while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';' || s.charAt(j) == '?')) j++;
    if (j >= s.length()) return j;
    String params = s.substring(i + 1, j).replace("?", "");
    char op = s.charAt(j);
    int n = params.isEmpty() || params.contains(";") ? 1 : Math.max(1, Integer.parseInt(params));
    int p0 = params.isEmpty() || params.contains(";") ? 0 : Integer.parseInt(params);
    switch (op) {
      case 'A': moveTo(Math.max(0, row - n), col); break;
      case 'B': moveTo(row + n, col); break;
      case 'C': col = Math.min(width - 1, col + n); break;
      case 'D': col = Math.max(0, col - n); break;
      case 'G': col = Math.min(width - 1, n - 1); break;
      case 'K': eraseLine(p0); break;
      case 'J':
        if (p0 == 0) {
          eraseLine(0);
          while (rows.size() > row + 1) rows.remove(rows.size() - 1);
        }
        break;
      default: break;  // colours, modes
    }
    return j + 1;
  }

  private void eraseLine(int mode) {
    StringBuilder line = rows.get(row);
    if (mode == 0) {
      if (line.length() > col) line.setLength(col);
    } else if (mode == 2) {
      line.setLength(0);
    } else {
      for (int k = 0; k < Math.min(col + 1, line.length()); k++) line.setCharAt(k, ' ');
    }
  }

  private void moveTo(int r, int c) {
    while (rows.size() <= r) rows.add(new StringBuilder());
    row = r;
    col = c;
  }

  private void put(char c) {
    if (col >= width) moveTo(row + 1, 0);
    StringBuilder line = rows.get(row);
    while (line.length() < col) line.append(' ');
    if (col < line.length()) line.setCharAt(col, c);
    else line.append(c);
    col++;
  }

  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (StringBuilder r : rows) out.add(r.toString().stripTrailing());
    return out;
  }
}
