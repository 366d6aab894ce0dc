package dev.jitelevate.emulator.kernel;

import dev.jitelevate.emulator.kernel.FilterTokens.Kind;
import dev.jitelevate.emulator.kernel.FilterTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads tokens into terms: {@code name(args)} or {@code name eq literal}, joined by {@code and}. */
final class FilterParser {
  private final String text;
  private final List<Token> tokens;
  private int at;

  FilterParser(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  List<ODataFilter.Term> terms() {
    List<ODataFilter.Term> terms = new ArrayList<>();
    boolean expectTerm = true;
    while (at < tokens.size()) {
      Token token = tokens.get(at);
      refuseUnsupportedOperator(token);
      if (token.kind() == Kind.OPEN || token.kind() == Kind.CLOSE) {
        at++;
      } else if (!expectTerm && token.isWord("and")) {
        expectTerm = true;
        at++;
      } else if (expectTerm && token.kind() == Kind.WORD) {
        terms.add(term(token.text()));
        expectTerm = false;
      } else {
        throw invalid();
      }
    }
    if (terms.isEmpty() || expectTerm) {
      throw invalid();
    }
    return terms;
  }

  private ODataFilter.Term term(String name) {
    at++;
    if (peek(Kind.OPEN)) {
      at++;
      return new ODataFilter.Term(name, true, arguments(), null);
    }
    if (at + 1 < tokens.size() && tokens.get(at).isWord("eq")) {
      Token literal = tokens.get(at + 1);
      at += 2;
      if (literal.kind() == Kind.LITERAL) {
        return new ODataFilter.Term(name, false, List.of(), literal.text());
      }
      if (literal.kind() == Kind.WORD && !literal.isWord("and")) {
        refuseUnsupportedOperator(literal);
        return new ODataFilter.Term(name, false, List.of(), literal.isWord("null") ? null : literal.text());
      }
    }
    throw invalid();
  }

  private List<String> arguments() {
    List<String> args = new ArrayList<>();
    while (at < tokens.size() && tokens.get(at).kind() != Kind.CLOSE) {
      Token token = tokens.get(at++);
      if (token.kind() == Kind.LITERAL || token.kind() == Kind.WORD) {
        args.add(token.text());
      } else if (token.kind() != Kind.COMMA) {
        throw invalid();
      }
    }
    if (at >= tokens.size()) {
      throw invalid();
    }
    at++;
    return args;
  }

  private boolean peek(Kind kind) {
    return at < tokens.size() && tokens.get(at).kind() == kind;
  }

  private void refuseUnsupportedOperator(Token token) {
    if (token.isWord("or") || token.isWord("not")) {
      throw new ODataFilter.InvalidFilterException("Invalid filter clause: the emulator supports only 'eq' comparisons"
          + " and functions joined by 'and', but the filter uses '" + token.text().toLowerCase(Locale.ROOT) + "': " + text);
    }
  }

  private ODataFilter.InvalidFilterException invalid() {
    return new ODataFilter.InvalidFilterException("Invalid filter clause: expected clauses like \"property eq 'value'\""
        + " or functions like \"atScope()\" joined by 'and', got: " + text);
  }
}
