package dev.tangent.repl;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;

/**
 * The line split into words for completion. In code the word under the cursor is a dotted name
 * ({@code lie.SE3.ex}), so members complete after '.'; in a `:` command words are separated by
 * spaces, so file names complete whole.
 */
final class ReplWords implements CompletingParsedLine {
  private final String line;
  private final int cursor;
  private final List<String> words;
  private final int wordIndex;
  private final int wordStart;
  private final int wordCursor;

  private ReplWords(String line, int cursor, List<String> words, int wordIndex, int wordStart, int wordCursor) {
    this.line = line;
    this.cursor = cursor;
    this.words = words;
    this.wordIndex = wordIndex;
    this.wordStart = wordStart;
    this.wordCursor = wordCursor;
  }

  static ReplWords at(String line, int cursor) {
    boolean command = ReplCommands.isCommandPrefix(line);
    int start = cursor;
    while (start > 0 && inWord(line.charAt(start - 1), command)) start--;
    int end = cursor;
    while (end < line.length() && inWord(line.charAt(end), command)) end++;
    List<String> words = split(line.substring(0, start), command);
    int index = words.size();
    words.add(line.substring(start, end));
    words.addAll(split(line.substring(end), command));
    return new ReplWords(line, cursor, words, index, start, cursor - start);
  }

  private static List<String> split(String text, boolean command) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && !inWord(text.charAt(i), command)) i++;
      int s = i;
      while (i < text.length() && inWord(text.charAt(i), command)) i++;
      if (i > s) out.add(text.substring(s, i));
    }
    return out;
  }

  private static boolean inWord(char c, boolean command) {
    if (command) return !Character.isWhitespace(c);
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  @Override public String word() { return words.get(wordIndex); }
  @Override public int wordCursor() { return wordCursor; }
  @Override public int wordIndex() { return wordIndex; }
  @Override public List<String> words() { return words; }
  @Override public String line() { return line; }
  @Override public int cursor() { return cursor; }

  /** Where the word starts in the line. */
  int wordStart() { return wordStart; }

  /** Candidates are inserted as they are: names need no quoting. */
  @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }
  @Override public int rawWordCursor() { return wordCursor; }
  @Override public int rawWordLength() { return word().length(); }
}
