package dev.tangent.parse;

import dev.tangent.grammar.TangentLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Decides which newlines end a statement, so the grammar stays free of actions.
 * A newline is dropped inside () or [], after a token that cannot end an expression
 * (an operator, a comma, an opening bracket), before `else` or a leading `.`, and when it
 * repeats a newline. Hidden-channel tokens pass through untouched.
 */
final class NewlineFilter {
  private NewlineFilter() {}

  static List<Token> filter(List<? extends Token> tokens) {
    List<Token> out = new ArrayList<>(tokens.size());
    Deque<Integer> brackets = new ArrayDeque<>();
    int prevType = -1;       // previous significant token type
    int prevPrevType = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        out.add(t);
        continue;
      }
      int type = t.getType();
      if (type == TangentLexer.NL) {
        boolean inGroup = !brackets.isEmpty() && brackets.peek() != TangentLexer.LBRACE;
        int next = nextSignificant(tokens, i + 1);
        boolean drop = inGroup
            || prevType == -1
            || prevType == TangentLexer.NL
            || (continuesAfter(prevType) && !(prevType == TangentLexer.STAR && prevPrevType == TangentLexer.IMPORT))
            || next == TangentLexer.ELSE
            || next == TangentLexer.DOT;
        if (drop) continue;
      } else if (type == TangentLexer.LPAREN || type == TangentLexer.LBRACK || type == TangentLexer.LBRACE) {
        brackets.push(type);
      } else if (type == TangentLexer.RPAREN || type == TangentLexer.RBRACK || type == TangentLexer.RBRACE) {
        if (!brackets.isEmpty()) brackets.pop();
      }
      out.add(t);
      prevPrevType = prevType;
      prevType = type;
    }
    return out;
  }

  private static int nextSignificant(List<? extends Token> tokens, int from) {
    for (int j = from; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != TangentLexer.NL) return t.getType();
    }
    return Token.EOF;
  }

  private static boolean continuesAfter(int type) {
    switch (type) {
      case TangentLexer.PLUS: case TangentLexer.MINUS: case TangentLexer.STAR: case TangentLexer.SLASH:
      case TangentLexer.FLOORDIV: case TangentLexer.PERCENT: case TangentLexer.CARET: case TangentLexer.POW:
      case TangentLexer.AT: case TangentLexer.DOTDOT: case TangentLexer.DOTDOTEQ: case TangentLexer.EQ:
      case TangentLexer.NE: case TangentLexer.LT: case TangentLexer.LE: case TangentLexer.GT:
      case TangentLexer.GE: case TangentLexer.AND: case TangentLexer.OR: case TangentLexer.NOT:
      case TangentLexer.IN: case TangentLexer.ASSIGN: case TangentLexer.PLUSEQ: case TangentLexer.MINUSEQ:
      case TangentLexer.STAREQ: case TangentLexer.SLASHEQ: case TangentLexer.ATEQ: case TangentLexer.ARROW:
      case TangentLexer.RARROW: case TangentLexer.COMMA: case TangentLexer.DOT: case TangentLexer.COLON:
      case TangentLexer.LPAREN: case TangentLexer.LBRACK: case TangentLexer.LBRACE: case TangentLexer.ELSE:
        return true;
      default:
        return false;
    }
  }
}
