package dev.jitelevate.core.internal.gateway;

/** OData {@code $filter} building: every literal goes through {@link #literal}, so no value can end the string. */
public final class OData {
  private OData() {}

  /** The value as an OData string literal: in single quotes, with each quote doubled. */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** {@code property eq 'value'}, the value quoted. */
  public static String eq(String property, String value) {
    return property + " eq " + literal(value);
  }
}
