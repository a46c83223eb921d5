package dev.tangent.repl;

import dev.tangent.grammar.TangentLexer;
import dev.tangent.parse.Parsing;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours the entry from the lexer's tokens alone: it runs on every keystroke. */
final class ReplHighlighter implements Highlighter {
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle CONSTANT = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);
  static final AttributedStyle OPERATOR = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
  static final AttributedStyle COMMAND = AttributedStyle.BOLD;

  /** The language's keywords, read from the lexer's vocabulary. */
  static List<String> keywords() {
    List<String> out = new ArrayList<>();
    for (int t = TangentLexer.LET; t <= TangentLexer.NIL; t++) {
      String literal = TangentLexer.VOCABULARY.getLiteralName(t);
      if (literal != null) out.add(literal.substring(1, literal.length() - 1));
    }
    return out;
  }

  @Override public AttributedString highlight(LineReader reader, String buffer) {
    if (buffer.isEmpty()) return AttributedString.EMPTY;
    AttributedStringBuilder sb = new AttributedStringBuilder();
    String code = buffer;
    if (ReplCommands.isCommand(buffer)) {
      int end = buffer.indexOf(':');
      while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) end++;
      sb.styled(COMMAND, buffer.substring(0, end));
      code = buffer.substring(end);
    }
    // The lexer has a rule for every character (ERROR_CHAR last), so the tokens tile the text.
    int covered = 0;
    for (Token t : Parsing.tokens(code)) {
      String text = t.getText();
      sb.styled(styleOf(t.getType()), text);
      covered += text.length();
    }
    if (covered < code.length()) sb.append(code.substring(covered));
    return sb.toAttributedString();
  }

  static AttributedStyle styleOf(int type) {
    if (type == TangentLexer.TRUE || type == TangentLexer.FALSE || type == TangentLexer.NIL) return CONSTANT;
    if (type >= TangentLexer.LET && type <= TangentLexer.NIL) return KEYWORD;
    switch (type) {
      case TangentLexer.NUMBER: return NUMBER;
      case TangentLexer.STRING: case TangentLexer.UNTERMINATED_STRING: return STRING;
      case TangentLexer.COMMENT: return COMMENT;
      case TangentLexer.ERROR_CHAR: return ERROR;
      default:
        boolean operator = type >= TangentLexer.ARROW && type <= TangentLexer.AT;
        return operator ? OPERATOR : AttributedStyle.DEFAULT;
    }
  }

  @Override public void setErrorPattern(Pattern errorPattern) {}

  @Override public void setErrorIndex(int errorIndex) {}
}
