package dev.jitelevate.emulator.tls;

import java.util.regex.Pattern;

/** Tells IP literals from DNS names, without a DNS lookup, and writes a host for a URL. */
public final class HostNames {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private HostNames() {}

  /** True for an IPv4 dotted quad or an IPv6 literal (with or without brackets). */
  public static boolean isIpLiteral(String host) {
    return IPV4.matcher(host).matches() || host.contains(":");
  }

  /** The host as it goes into a URL: IPv6 literals in brackets. */
  public static String forUrl(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return bare.contains(":") ? "[" + bare + "]" : bare;
  }

  /** True for an address that means "every interface", which no client can connect to by that name. */
  public static boolean isWildcard(String host) {
    String bare = host.replace("[", "").replace("]", "");
    return bare.equals("0.0.0.0") || bare.equals("::") || bare.equals("0:0:0:0:0:0:0:0");
  }
}
