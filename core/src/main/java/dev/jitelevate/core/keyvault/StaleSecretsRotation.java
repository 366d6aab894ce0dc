package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.AccessProbe;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.PrivilegedOperation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rotates every stale secret of a vault under the elevation it runs in: lists them with the elevated identity
 * ({@link StaleSecrets}), then hands their names to one {@link KeyVaultSecretRotation} (probe, new versions,
 * rollback). With nothing stale it writes nothing and notes so. The action's {@code keyvault-rotate-stale}.
 */
public final class StaleSecretsRotation implements PrivilegedOperation {
  private final String vault;
  private final StalenessPolicy policy;
  private final RollbackMode rollback;

  /** @throws dev.jitelevate.core.InvalidElevationRequestException when the vault is not a name or https URL */
  public StaleSecretsRotation(String vault, StalenessPolicy policy, RollbackMode rollback) {
    VaultAddress.validate(vault);
    this.vault = vault.trim();
    this.policy = Objects.requireNonNull(policy, "policy");
    this.rollback = Objects.requireNonNull(rollback, "rollback");
  }

  @Override
  public String name() {
    return "keyvault-stale-secret-rotation";
  }

  /** Effective once the stale secrets can be listed and the rotation's own probe passes for them. */
  @Override
  public Optional<AccessProbe> probe(OperationContext context) {
    return Optional.of(ctx -> {
      List<String> names;
      try {
        names = find(ctx).names();
      } catch (ElevationException e) {
        if (e.httpStatus() == 403 && "ForbiddenByRbac".equals(e.azureErrorCode().orElse(""))) {
          return AccessProbe.Result.NOT_YET;
        }
        throw e;
      }
      return names.isEmpty() ? AccessProbe.Result.EFFECTIVE
          : rotation(names).probe(ctx).map(p -> p.check(ctx)).orElse(AccessProbe.Result.EFFECTIVE);
    });
  }

  @Override
  public void perform(OperationContext context) {
    StaleSecretsReport report = find(context);
    context.note("staleSecrets", report.names());
    context.note("staleSecretsExamined", report.examined());
    if (!report.ignored().isEmpty()) {
      context.note("staleSecretsIgnored", report.ignored().stream().map(StaleSecretsReport.Ignored::name).toList());
    }
    if (report.stale().isEmpty()) {
      return;
    }
    rotation(report.names()).perform(context);
  }

  /** Checks, before anything is elevated, that the vault is one of the cloud's. */
  public void checkVault(dev.jitelevate.core.CloudProfile cloud) {
    VaultAddress.resolve(vault, cloud);
  }

  private StaleSecretsReport find(OperationContext context) {
    return StaleSecrets.find(vault, context.cloud(), context.credentials(), policy, context.clock().instant());
  }

  private KeyVaultSecretRotation rotation(List<String> names) {
    return KeyVaultSecretRotation.builder().vault(vault).secrets(names).rollback(rollback).build();
  }

  @Override
  public String toString() {
    return "StaleSecretsRotation[vault=" + vault + ", policy=" + policy + "]";
  }
}
