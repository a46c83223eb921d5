package dev.tangent.parse;

import dev.tangent.ast.Expr;
import dev.tangent.ast.Program;
import dev.tangent.ast.Stmt;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.TangentError;
import dev.tangent.grammar.TangentLexer;
import dev.tangent.grammar.TangentParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;

/** Entry point of the parse phase: source text to syntax tree, or a list of syntax errors. */
public final class Parsing {
  private Parsing() {}

  public record Result(Program program, List<TangentError> errors, boolean incomplete) {
    public boolean ok() { return errors.isEmpty(); }
  }

  /**
   * Brackets nested deeper than this are a syntax error: the parser and every later phase
   * recurse once per level, and no one writes 200 levels by hand. Checked on the tokens, before
   * parsing, so that a hostile input costs a linear scan instead of a deep (and slow) parse.
   */
  public static final int MAX_NESTING = 200;

  public static Result parse(SourceFile source) {
    List<TangentError> errors = new ArrayList<>();
    SyntaxErrors listener = new SyntaxErrors(source, 0);
    List<Token> tokens = lex(source.text(), listener);
    TangentError tooDeep = tooDeep(tokens, source, 0);
    if (tooDeep != null) return new Result(null, List.of(tooDeep), false);
    boolean openString = endsInOpenString(tokens, source.text().length());
    TangentParser.ProgramContext tree = fastParse(tokens);
    if (tree == null) tree = parser(tokens, listener).program();
    boolean incomplete = openString || (!listener.errors.isEmpty() && listener.firstAtEof);
    // "unexpected end of input" says least of all: name the bracket that is never closed.
    Token open = unclosed(tokens);
    for (int i = 0; i < listener.errors.size() && open != null; i++) {
      TangentError e = listener.errors.get(i);
      if (e.getMessage().startsWith("unexpected end of input") || e.getMessage().endsWith("found end of input")) {
        listener.errors.set(i, new TangentError(TangentError.Kind.SYNTAX, "'" + open.getText() + "' is never closed",
            source.span(open.getStartIndex(), open.getStopIndex() + 1)));
      }
    }
    errors.addAll(listener.errors);
    if (!errors.isEmpty()) return new Result(null, errors, incomplete);
    AstBuilder builder = new AstBuilder(source, 0, errors);
    List<Stmt> stmts = builder.statements(tree.statement());
    return new Result(errors.isEmpty() ? new Program(source, stmts) : null, errors, false);
  }

  /** True when the text is a prefix of a valid program: the REPL reads another line. */
  public static boolean isIncomplete(String text) {
    if (text.isBlank()) return false;
    return parse(new SourceFile("<repl>", text)).incomplete();
  }

  /** Parses one ${...} interpolation at [start, end) of the file. Errors go to {@code errors}. */
  static Expr parseEmbedded(SourceFile source, int start, int end, List<TangentError> errors) {
    SyntaxErrors listener = new SyntaxErrors(source, start);
    List<Token> tokens = lex(source.text().substring(start, end), listener);
    TangentError tooDeep = tooDeep(tokens, source, start);
    if (tooDeep != null) {
      errors.add(tooDeep);
      return null;
    }
    TangentParser.SingleExpressionContext tree = parser(tokens, listener).singleExpression();
    if (!listener.errors.isEmpty()) {
      errors.addAll(listener.errors);
      return null;
    }
    return new AstBuilder(source, start, errors).expr(tree.expression());
  }

  /** All tokens (hidden ones included), with statement-ending newlines decided. */
  public static List<Token> tokens(String text) {
    TangentLexer lexer = new TangentLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    return new ArrayList<>(lexer.getAllTokens());
  }

  private static List<Token> lex(String text, SyntaxErrors listener) {
    TangentLexer lexer = new TangentLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    List<? extends Token> raw = lexer.getAllTokens();
    List<Token> filtered = NewlineFilter.filter(raw);
    // getAllTokens stops before EOF; the parser needs it to report "end of input".
    filtered.add(lexer.nextToken());
    return filtered;
  }

  /**
   * ANTLR's two-stage strategy: SLL prediction is much faster and almost always enough; when it
   * fails (a real syntax error, or a rare ambiguity) the full LL parse reports the errors.
   */
  private static TangentParser.ProgramContext fastParse(List<Token> tokens) {
    TangentParser p = new TangentParser(new CommonTokenStream(new ListTokenSource(tokens)));
    p.removeErrorListeners();
    p.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
    p.getInterpreter().setPredictionMode(org.antlr.v4.runtime.atn.PredictionMode.SLL);
    try {
      return p.program();
    } catch (org.antlr.v4.runtime.misc.ParseCancellationException e) {
      return null;
    }
  }

  private static TangentParser parser(List<Token> tokens, SyntaxErrors listener) {
    TangentParser parser = new TangentParser(new CommonTokenStream(new ListTokenSource(tokens)));
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    return parser;
  }

  /** A syntax error at the first bracket that opens level MAX_NESTING + 1, or null. */
  private static TangentError tooDeep(List<Token> tokens, SourceFile source, int base) {
    int depth = 0;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
      switch (t.getType()) {
        case TangentLexer.LPAREN: case TangentLexer.LBRACK: case TangentLexer.LBRACE:
          if (++depth > MAX_NESTING) {
            return new TangentError(TangentError.Kind.SYNTAX, "brackets nested more than " + MAX_NESTING + " levels deep",
                source.span(base + t.getStartIndex(), base + t.getStopIndex() + 1));
          }
          break;
        case TangentLexer.RPAREN: case TangentLexer.RBRACK: case TangentLexer.RBRACE:
          if (depth > 0) depth--;
          break;
        default:
          break;
      }
    }
    return null;
  }

  /** The innermost bracket still open at end of input, if any. */
  private static Token unclosed(List<Token> tokens) {
    java.util.ArrayDeque<Token> stack = new java.util.ArrayDeque<>();
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
      switch (t.getType()) {
        case TangentLexer.LPAREN: case TangentLexer.LBRACK: case TangentLexer.LBRACE:
          stack.push(t);
          break;
        case TangentLexer.RPAREN: case TangentLexer.RBRACK: case TangentLexer.RBRACE:
          if (!stack.isEmpty()) stack.pop();
          break;
        default:
          break;
      }
    }
    return stack.peek();
  }

  private static boolean endsInOpenString(List<Token> tokens, int length) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.getType() == Token.EOF) continue;
      if (t.getType() == TangentLexer.UNTERMINATED_STRING) {
        String text = t.getText();
        return t.getStopIndex() + 1 >= length && !text.endsWith("\n");
      }
      if (t.getChannel() == Token.DEFAULT_CHANNEL || t.getType() == TangentLexer.COMMENT) return false;
    }
    return false;
  }
}
