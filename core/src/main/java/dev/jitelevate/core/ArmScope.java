package dev.jitelevate.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ARM scope: a subscription, a resource group, a resource, or a management group. Normalised to a
 * leading slash and no trailing slash; validated before anything is sent.
 */
public record ArmScope(String value, Kind kind) {
  /** What the scope names. */
  public enum Kind { MANAGEMENT_GROUP, SUBSCRIPTION, RESOURCE_GROUP, RESOURCE }

  private static final String SEGMENT = "[A-Za-z0-9._()~-]+";
  private static final Pattern SUBSCRIPTION = Pattern.compile("^/subscriptions/[0-9a-fA-F-]{36}$");
  private static final Pattern RESOURCE_GROUP = Pattern.compile("^/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/" + SEGMENT + "$", Pattern.CASE_INSENSITIVE);
  private static final Pattern RESOURCE = Pattern.compile(
      "^/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/" + SEGMENT + "/providers/[A-Za-z0-9.]+(/" + SEGMENT + "/" + SEGMENT + ")+$",
      Pattern.CASE_INSENSITIVE);
  /** Role assignments, definitions and schedules are not resources anyone is elevated on. */
  private static final Pattern AUTHORIZATION = Pattern.compile("/providers/Microsoft\\.Authorization(/|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern MANAGEMENT_GROUP = Pattern.compile("^/providers/Microsoft\\.Management/managementGroups/" + SEGMENT + "$", Pattern.CASE_INSENSITIVE);

  public ArmScope {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(kind, "kind");
    if (shapeOf(value).filter(k -> k == kind).isEmpty()) {
      throw invalid(value);
    }
  }

  /**
   * Parses and validates a scope such as {@code /subscriptions/{id}/resourceGroups/rg-app}.
   *
   * @throws InvalidElevationRequestException naming the accepted forms when the text is not a scope
   */
  public static ArmScope parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.codePoints().anyMatch(Character::isISOControl) || text.codePoints().anyMatch(Character::isISOControl)) {
      throw invalid(text);
    }
    if (!s.startsWith("/")) {
      s = "/" + s;
    }
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    String scope = s;
    Kind kind = shapeOf(scope).orElseThrow(() -> invalid(text));
    return new ArmScope(kind == Kind.SUBSCRIPTION ? scope.toLowerCase(Locale.ROOT) : scope, kind);
  }

  /** The kind of scope the normalised text is, if it is one (the compact constructor and parse share it). */
  private static java.util.Optional<Kind> shapeOf(String s) {
    if (s.codePoints().anyMatch(Character::isISOControl)
        || !PrincipalId.isGuid(subscriptionOf(s)) && s.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")) {
      return java.util.Optional.empty();
    }
    if (SUBSCRIPTION.matcher(s).matches()) return java.util.Optional.of(Kind.SUBSCRIPTION);
    if (RESOURCE_GROUP.matcher(s).matches()) return java.util.Optional.of(Kind.RESOURCE_GROUP);
    if (RESOURCE.matcher(s).matches() && !AUTHORIZATION.matcher(s).find()) return java.util.Optional.of(Kind.RESOURCE);
    if (MANAGEMENT_GROUP.matcher(s).matches()) return java.util.Optional.of(Kind.MANAGEMENT_GROUP);
    return java.util.Optional.empty();
  }

  private static String subscriptionOf(String s) {
    String[] parts = s.split("/");
    return parts.length > 2 ? parts[2] : "";
  }

  private static InvalidElevationRequestException invalid(String text) {
    return new InvalidElevationRequestException("scope", "'" + Text.printable(text) + "' is not an ARM scope.",
        "Use /subscriptions/{subscription-id}, /subscriptions/{id}/resourceGroups/{name}, a resource id, "
            + "or /providers/Microsoft.Management/managementGroups/{name}.");
  }

  /** The subscription id, when the scope is within a subscription. */
  public java.util.Optional<String> subscriptionId() {
    return kind == Kind.MANAGEMENT_GROUP ? java.util.Optional.empty() : java.util.Optional.of(subscriptionOf(value));
  }

  /** The scope without its leading slash, as the ARM SDK's {@code scope} path parameter wants it. */
  public String withoutLeadingSlash() {
    return value.substring(1);
  }

  @Override
  public String toString() {
    return value;
  }
}
