package dev.tangent.parse;

import dev.tangent.diag.SourceFile;
import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.grammar.TangentLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Replaces ANTLR's console listener: collects syntax errors with positions and short messages. */
final class SyntaxErrors extends BaseErrorListener {
  private final SourceFile source;
  private final int base;
  final List<TangentError> errors = new ArrayList<>();
  /** True when the first error sits at end of input: the REPL then asks for more lines. */
  boolean firstAtEof;

  SyntaxErrors(SourceFile source, int base) {
    this.source = source;
    this.base = base;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
                          String msg, RecognitionException e) {
    Token tok = offending instanceof Token t ? t : null;
    int start;
    int end;
    if (tok != null && tok.getType() != Token.EOF) {
      start = base + tok.getStartIndex();
      end = base + tok.getStopIndex() + 1;
    } else if (tok != null) {
      start = base + tok.getStartIndex();
      end = start;
    } else {
      start = base + source.lineStart(line) + col - (base == 0 ? 0 : 0);
      end = start + 1;
    }
    start = Math.max(0, Math.min(start, source.text().length()));
    end = Math.max(start, Math.min(end, source.text().length()));
    String message = describe(recognizer, tok, msg);
    if (errors.isEmpty()) firstAtEof = tok != null && tok.getType() == Token.EOF;
    // One error per line keeps ANTLR's recovery cascades out of the report.
    Span span = new Span(source, start, end);
    for (TangentError prev : errors) {
      if (prev.span().line() == span.line()) return;
    }
    if (errors.size() < 20) errors.add(new TangentError(TangentError.Kind.SYNTAX, message, span));
  }

  private static String describe(Recognizer<?, ?> recognizer, Token tok, String antlrMsg) {
    if (tok == null) return antlrMsg;
    int type = tok.getType();
    if (type == TangentLexer.UNTERMINATED_STRING) return "unterminated string";
    if (type == TangentLexer.ERROR_CHAR) return "unexpected character '" + tok.getText() + "'";
    String found = type == Token.EOF ? "end of input" : type == TangentLexer.NL ? "end of line"
        : "'" + tok.getText() + "'";
    if (recognizer instanceof Parser p) {
      IntervalSet expected;
      try {
        expected = p.getExpectedTokens();
      } catch (RuntimeException ex) {
        expected = null;
      }
      String closer = type == Token.EOF ? null : openBracketBefore(p, tok);
      if (closer != null && (expected == null || expected.size() > 3 || expected.contains(closerType(closer)))) {
        return "unexpected " + found + " (missing '" + closer + "'?)";
      }
      if (expected != null && expected.size() >= 1 && expected.size() <= 3) {
        Vocabulary v = p.getVocabulary();
        List<String> names = new ArrayList<>();
        for (int t : expected.toArray()) names.add(display(v, t));
        return "expected " + String.join(" or ", names) + ", found " + found;
      }
    }
    return "unexpected " + found;
  }

  /** The closer of the innermost ( or [ still open before the offending token, or null. */
  private static String openBracketBefore(Parser p, Token offending) {
    org.antlr.v4.runtime.TokenStream ts = p.getInputStream();
    java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
    for (int i = 0; i < offending.getTokenIndex() && i < ts.size(); i++) {
      int t = ts.get(i).getType();
      if (t == TangentLexer.LPAREN || t == TangentLexer.LBRACK || t == TangentLexer.LBRACE) stack.push(t);
      else if ((t == TangentLexer.RPAREN || t == TangentLexer.RBRACK || t == TangentLexer.RBRACE) && !stack.isEmpty()) stack.pop();
    }
    if (stack.isEmpty()) return null;
    int top = stack.peek();
    return top == TangentLexer.LPAREN ? ")" : top == TangentLexer.LBRACK ? "]" : null;
  }

  private static int closerType(String closer) {
    return closer.equals(")") ? TangentLexer.RPAREN : TangentLexer.RBRACK;
  }

  private static String display(Vocabulary v, int t) {
    if (t == Token.EOF) return "end of input";
    if (t == TangentLexer.NL) return "a new line";
    if (t == TangentLexer.IDENT) return "a name";
    if (t == TangentLexer.NUMBER) return "a number";
    if (t == TangentLexer.STRING) return "a string";
    String lit = v.getLiteralName(t);
    return lit != null ? lit : v.getSymbolicName(t);
  }
}
