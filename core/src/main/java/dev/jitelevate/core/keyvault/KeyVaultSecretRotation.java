package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.AccessProbe;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.PrivilegedOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rotates Key Vault secrets under an elevation: for each secret, writes a new version (generated from a
 * {@link SecretGenerator} or supplied by the caller) tagged with the run and request ids, optionally validates
 * it and rolls back when validation fails. Its probe reads the secrets' metadata until the role is effective,
 * so nothing is written before the access works. Every new value is registered with
 * {@link OperationContext#registerSecret} before it is sent anywhere; the record gets version ids, never values.
 *
 * <p>Needs the data actions {@code secrets/readMetadata}, {@code secrets/getSecret}, {@code secrets/setSecret}
 * (and {@code secrets/update} for {@link RollbackMode#DISABLE_NEW}): e.g. Key Vault Secrets Officer on the vault.
 */
public final class KeyVaultSecretRotation implements PrivilegedOperation {
  /** Tag with the CI run id (from the request's {@code github.run_id} label). */
  public static final String RUN_TAG = "jit-elevate-run";
  /** Tag with the id of the request that created the elevation. */
  public static final String REQUEST_TAG = "jit-elevate-request";
  static final int MAX_USER_TAGS = 13;

  final String vault;
  final List<SecretName> secrets;
  final Supplier<String> values;
  final boolean generated;
  final Optional<String> contentType;
  final Map<String, String> tags;
  final Optional<Duration> expiresAfter;
  final Optional<Instant> expiresOn;
  final Optional<Instant> notBefore;
  final MissingSecretPolicy whenMissing;
  final Optional<RotationValidator> validator;
  final RollbackMode rollback;

  private KeyVaultSecretRotation(Builder b) {
    this.vault = b.vault;
    this.secrets = List.copyOf(b.secrets);
    this.generated = b.supplied == null;
    this.values = generated ? b.generator::generate : b.supplied;
    this.contentType = Optional.ofNullable(b.contentType);
    this.tags = Map.copyOf(b.tags);
    this.expiresAfter = Optional.ofNullable(b.expiresAfter);
    this.expiresOn = Optional.ofNullable(b.expiresOn);
    this.notBefore = Optional.ofNullable(b.notBefore);
    this.whenMissing = b.whenMissing;
    this.validator = Optional.ofNullable(b.validator);
    this.rollback = b.rollback;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "keyvault-secret-rotation";
  }

  /** The secrets data actions it uses: read metadata, get, set, and update for {@link RollbackMode#DISABLE_NEW}. */
  @Override
  public dev.jitelevate.core.RequiredAccess requiredAccess() {
    List<String> actions = new ArrayList<>(List.of("Microsoft.KeyVault/vaults/secrets/readMetadata/action",
        "Microsoft.KeyVault/vaults/secrets/getSecret/action", "Microsoft.KeyVault/vaults/secrets/setSecret/action"));
    if (rollback == RollbackMode.DISABLE_NEW) {
      actions.add("Microsoft.KeyVault/vaults/secrets/update/action");
    }
    return new dev.jitelevate.core.RequiredAccess(List.of(), actions);
  }

  @Override
  public Optional<AccessProbe> probe(OperationContext context) {
    return Optional.of(new RotationProbe(vault, secrets, whenMissing));
  }

  /**
   * Rotates the secrets (or, in a dry-run, reads them and notes what would change).
   *
   * @throws dev.jitelevate.core.ElevationException when a secret is disabled or missing (under REFUSE), Key Vault
   *     refuses, or validation fails (after the rollback); messages never contain a value
   */
  @Override
  public void perform(OperationContext context) {
    new RotationRun(this, context).execute();
  }

  /** The secrets this rotation targets. */
  /**
   * Checks, before anything is elevated, that the vault is one of the cloud's: a name, or a URL under the cloud's
   * Key Vault DNS suffix (or, for a cloud whose vaults share one host, on that host).
   *
   * @throws dev.jitelevate.core.InvalidElevationRequestException naming the input {@code vault} otherwise
   */
  public void checkVault(dev.jitelevate.core.CloudProfile cloud) {
    VaultAddress.resolve(vault, cloud);
  }

  public List<String> secretNames() {
    return secrets.stream().map(SecretName::value).toList();
  }

  @Override
  public String toString() {
    return "KeyVaultSecretRotation[vault=" + vault + ", secrets=" + secrets + ", rollback=" + rollback + "]";
  }

  /** Configures a rotation. Defaults: generated values ({@link SecretGenerator#defaults()}), REFUSE, RESTORE_PREVIOUS. */
  public static final class Builder {
    private String vault;
    private final List<SecretName> secrets = new ArrayList<>();
    private SecretGenerator generator = SecretGenerator.defaults();
    private Supplier<String> supplied;
    private String contentType;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private Duration expiresAfter;
    private Instant expiresOn;
    private Instant notBefore;
    private MissingSecretPolicy whenMissing = MissingSecretPolicy.REFUSE;
    private RotationValidator validator;
    private RollbackMode rollback = RollbackMode.RESTORE_PREVIOUS;

    private Builder() {}

    /** The vault: a name (resolved through the cloud profile) or an https URL. */
    public Builder vault(String value) {
      VaultAddress.validate(value);
      this.vault = value.trim();
      return this;
    }

    /** Adds a secret to rotate. @throws InvalidElevationRequestException when the name is invalid or repeated */
    public Builder secret(String name) {
      SecretName parsed = new SecretName(name);
      if (secrets.stream().anyMatch(s -> s.value().equalsIgnoreCase(name))) {
        throw new InvalidElevationRequestException("secret", "The secret '" + name + "' is listed twice.",
            "List each secret once (Key Vault names are case-insensitive).");
      }
      secrets.add(parsed);
      return this;
    }

    /** Adds several secrets to rotate. */
    public Builder secrets(List<String> names) {
      names.forEach(this::secret);
      return this;
    }

    /** Generates new values with this policy (the default). */
    public Builder generatedBy(SecretGenerator value) {
      this.generator = Objects.requireNonNull(value, "generator");
      this.supplied = null;
      return this;
    }

    /** Takes new values from the caller (read from a file or variable by the runner), one call per secret. */
    public Builder value(Supplier<String> value) {
      this.supplied = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The content type of new versions; by default the previous version's. */
    public Builder contentType(String value) {
      this.contentType = value;
      return this;
    }

    /** A tag on new versions (besides the previous version's tags and the run/request tags). */
    public Builder tag(String key, String value) {
      if (key == null || key.isBlank() || key.toLowerCase(Locale.ROOT).startsWith("jit-elevate-")) {
        throw new InvalidElevationRequestException("tags", "The tag name '" + key + "' is empty or reserved.",
            "Use a non-empty name that does not start with jit-elevate-.");
      }
      tags.put(key, Objects.requireNonNull(value, "tag value"));
      if (tags.size() > MAX_USER_TAGS) {
        throw new InvalidElevationRequestException("tags", "More than " + MAX_USER_TAGS + " tags were given.",
            "Key Vault allows 15 tags and the rotation adds 2; remove some.");
      }
      return this;
    }

    /** New versions expire this long after they are written. */
    public Builder expiresAfter(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new InvalidElevationRequestException("expires", "The expiry must be a positive duration.", "Use e.g. 90d.");
      }
      this.expiresAfter = value;
      this.expiresOn = null;
      return this;
    }

    /** New versions expire at this instant. */
    public Builder expiresOn(Instant value) {
      this.expiresOn = Objects.requireNonNull(value, "expiresOn");
      this.expiresAfter = null;
      return this;
    }

    /** New versions are not valid before this instant. */
    public Builder notBefore(Instant value) {
      this.notBefore = Objects.requireNonNull(value, "notBefore");
      return this;
    }

    /** What to do when a secret does not exist yet. */
    public Builder whenMissing(MissingSecretPolicy value) {
      this.whenMissing = Objects.requireNonNull(value, "whenMissing");
      return this;
    }

    /** Checks each new value before the rotation counts as done. */
    public Builder validateWith(RotationValidator value) {
      this.validator = Objects.requireNonNull(value, "validator");
      return this;
    }

    /** How to undo a rotation whose validation (or a later write) fails. */
    public Builder rollback(RollbackMode value) {
      this.rollback = Objects.requireNonNull(value, "rollback");
      return this;
    }

    /**
     * Builds the rotation.
     *
     * @throws InvalidElevationRequestException when the vault or every secret is missing, or the expiry is
     *     not after not-before
     */
    public KeyVaultSecretRotation build() {
      if (vault == null) {
        VaultAddress.validate(null);
      }
      if (secrets.isEmpty()) {
        throw new InvalidElevationRequestException("secret", "No secret to rotate was given.",
            "Name at least one secret of the vault, e.g. db-password.");
      }
      if (expiresOn != null && notBefore != null && !expiresOn.isAfter(notBefore)) {
        throw new InvalidElevationRequestException("expires", "The expiry " + expiresOn
            + " is not after not-before " + notBefore + ".", "Choose an expiry after the not-before time.");
      }
      return new KeyVaultSecretRotation(this);
    }
  }
}
