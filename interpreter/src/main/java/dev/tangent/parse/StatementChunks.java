package dev.tangent.parse;

import dev.tangent.diag.SourceFile;
import dev.tangent.grammar.TangentLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Error recovery for {@code tangent check}: the top-level statements of a file that does not
 * parse, each as a copy of the file with everything else blanked (newlines kept), so that each
 * parses on its own with its true positions. A statement ends at a newline outside brackets; a
 * line that starts at column 1 with fn, let, var, import or from starts a new one even when a
 * bracket before it was never closed.
 */
public final class StatementChunks {
  private StatementChunks() {}

  /** [start, end) character ranges of the top-level statements. */
  public static List<int[]> ranges(String text) {
    List<Token> tokens = Parsing.tokens(text);
    List<int[]> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    boolean lineStart = true;
    for (Token t : tokens) {
      int type = t.getType();
      if (t.getChannel() != Token.DEFAULT_CHANNEL && type != TangentLexer.NL) continue;
      if (type == TangentLexer.NL) {
        if (depth == 0) {
          cut(out, text, start, t.getStopIndex() + 1);
          start = t.getStopIndex() + 1;
        }
        lineStart = true;
        continue;
      }
      boolean keyword = type == TangentLexer.FN || type == TangentLexer.LET || type == TangentLexer.VAR
          || type == TangentLexer.IMPORT || type == TangentLexer.FROM;
      if (lineStart && keyword && t.getCharPositionInLine() == 0 && depth > 0) {
        cut(out, text, start, t.getStartIndex());
        start = t.getStartIndex();
        depth = 0;
      }
      lineStart = false;
      if (type == TangentLexer.LPAREN || type == TangentLexer.LBRACK || type == TangentLexer.LBRACE) depth++;
      else if ((type == TangentLexer.RPAREN || type == TangentLexer.RBRACK || type == TangentLexer.RBRACE) && depth > 0) depth--;
    }
    cut(out, text, start, text.length());
    return out;
  }

  private static void cut(List<int[]> out, String text, int start, int end) {
    if (end > start && !text.substring(start, end).isBlank()) out.add(new int[] {start, end});
  }

  /** The file with everything outside [start, end) blanked, newlines kept: positions stay true. */
  public static SourceFile only(SourceFile source, int start, int end) {
    char[] c = source.text().toCharArray();
    for (int i = 0; i < c.length; i++) {
      if ((i < start || i >= end) && c[i] != '\n') c[i] = ' ';
    }
    return new SourceFile(source.name(), new String(c));
  }
}
