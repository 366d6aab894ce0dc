package dev.jitelevate.audit.ship;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column names a KQL query refers to: every bare identifier that is not a keyword, a function call, a
 * property of a dynamic value ({@code x.name}), a table, or a name the query itself defines ({@code let x =},
 * {@code extend X =}, {@code summarize X = …}, {@code by Hour = …}).
 */
final class KqlColumns {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern COMMENT = Pattern.compile("//[^\\n]*");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*+)(?!\\s*\\()");
  private static final Pattern DEFINED = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)\\s*=(?![=~])");
  private static final Set<String> KEYWORDS = Set.of("let", "where", "project", "extend", "summarize", "by", "and",
      "or", "not", "in", "has", "has_any", "has_all", "contains", "startswith", "endswith", "join", "kind", "leftanti",
      "inner", "leftouter", "on", "between", "true", "false", "asc", "desc", "top", "order", "sort", "take", "limit",
      "distinct", "union", "count", "with");

  private KqlColumns() {}

  /** The identifiers of the query that must be columns of its tables. */
  static Set<String> referenced(String query, Set<String> tables) {
    String text = COMMENT.matcher(STRING.matcher(query).replaceAll("\"\"")).replaceAll("");
    text = text.replace("in~", "in ").replace("!in", " in ").replace("=~", "==").replace("!~", "!=");
    Set<String> defined = new LinkedHashSet<>();
    Matcher d = DEFINED.matcher(text);
    while (d.find()) {
      defined.add(d.group(1));
    }
    Set<String> columns = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (!KEYWORDS.contains(name) && !defined.contains(name) && !tables.contains(name)) {
        columns.add(name);
      }
    }
    return columns;
  }

  /** The names the query defines (its output columns besides the tables' own). */
  static Set<String> defined(String query) {
    Set<String> defined = new LinkedHashSet<>();
    Matcher d = DEFINED.matcher(STRING.matcher(query).replaceAll("\"\""));
    while (d.find()) {
      defined.add(d.group(1));
    }
    return defined;
  }
}
