package dev.tangent.repl;

import dev.tangent.grammar.TangentLexer;
import dev.tangent.parse.Parsing;
import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.Token;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of an entry. Whether it is complete is decided by the real grammar
 * ({@link Parsing#isIncomplete}: an open bracket, a trailing operator or an open string); an
 * incomplete entry throws {@link EOFError}, so Enter continues it on the next line.
 */
final class ReplParser implements Parser {
  @Override public ParsedLine parse(String line, int cursor, ParseContext context) {
    boolean accepting = context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT;
    if (accepting && !ReplCommands.isCommand(line) && Parsing.isIncomplete(line)) {
      Deque<Character> open = openBrackets(line);
      throw new EOFError(-1, -1, "incomplete entry", null, open.size(),
          open.isEmpty() ? null : String.valueOf(closer(open.peek())));
    }
    return ReplWords.at(line, cursor);
  }

  /** The brackets still open at the end of the text, innermost first. */
  static Deque<Character> openBrackets(String text) {
    Deque<Character> open = new ArrayDeque<>();
    for (Token t : Parsing.tokens(text)) {
      switch (t.getType()) {
        case TangentLexer.LPAREN: open.push('('); break;
        case TangentLexer.LBRACK: open.push('['); break;
        case TangentLexer.LBRACE: open.push('{'); break;
        case TangentLexer.RPAREN: case TangentLexer.RBRACK: case TangentLexer.RBRACE:
          if (!open.isEmpty()) open.pop();
          break;
        default: break;
      }
    }
    return open;
  }

  private static char closer(char opener) {
    return opener == '(' ? ')' : opener == '[' ? ']' : '}';
  }
}
