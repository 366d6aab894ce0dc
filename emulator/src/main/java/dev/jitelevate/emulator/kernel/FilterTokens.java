package dev.jitelevate.emulator.kernel;

import java.util.ArrayList;
import java.util.List;

/** Splits a {@code $filter} into words, quoted literals (unescaped), parentheses and commas. */
final class FilterTokens {
  enum Kind { WORD, LITERAL, OPEN, CLOSE, COMMA }

  record Token(Kind kind, String text) {
    boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }
  }

  private FilterTokens() {}

  static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c)));
        i++;
      } else if (c == '\'') {
        int end = closingQuote(text, i + 1);
        tokens.add(new Token(Kind.LITERAL, text.substring(i + 1, end).replace("''", "'")));
        i = end + 1;
      } else {
        int start = i;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()',".indexOf(text.charAt(i)) < 0) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i)));
      }
    }
    return tokens;
  }

  private static int closingQuote(String text, int from) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    throw new ODataFilter.InvalidFilterException("Invalid filter clause: unterminated string literal in: " + text);
  }
}
