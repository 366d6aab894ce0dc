package dev.jitelevate.core.keyvault;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What {@link StaleSecrets#find} found in a vault.
 *
 * @param vaultUrl the vault listed
 * @param checkedAt the moment ages and expiries were measured against
 * @param policy the thresholds applied
 * @param examined how many secrets the vault lists
 * @param stale the stale secrets, by name
 * @param ignored the stale-looking secrets that cannot be rotated here (disabled, or managed by a
 *     certificate), with why
 */
public record StaleSecretsReport(URI vaultUrl, Instant checkedAt, StalenessPolicy policy, int examined,
    List<StaleSecret> stale, List<Ignored> ignored) {

  public StaleSecretsReport {
    stale = List.copyOf(stale);
    ignored = List.copyOf(ignored);
  }

  /** A secret left out, and why. */
  public record Ignored(String name, String why) {}

  /** The stale secrets' names, for a rotation. */
  public List<String> names() {
    return stale.stream().map(StaleSecret::name).toList();
  }
}
