package dev.jitelevate.core.keyvault;

import com.azure.core.exception.HttpResponseException;
import dev.jitelevate.core.AccessProbe;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.OperationContext;
import java.util.List;

/**
 * Proves the elevation works for a rotation by reading the metadata of every target secret (its versions).
 * {@code 403 ForbiddenByRbac} is what propagation looks like, so it means "not yet"; any other refusal, an
 * unknown vault, or a missing secret under {@link MissingSecretPolicy#REFUSE} stops verification.
 */
final class RotationProbe implements AccessProbe {
  private final String vault;
  private final List<SecretName> secrets;
  private final MissingSecretPolicy whenMissing;

  RotationProbe(String vault, List<SecretName> secrets, MissingSecretPolicy whenMissing) {
    this.vault = vault;
    this.secrets = List.copyOf(secrets);
    this.whenMissing = whenMissing;
  }

  @Override
  public Result check(OperationContext context) {
    VaultSecrets client = VaultSecrets.connect(context, VaultAddress.resolve(vault, context.cloud()));
    for (SecretName name : secrets) {
      try {
        if (client.firstVersionsPage(name).isEmpty()) {
          refuseIfMissing(client, name);
        }
      } catch (ElevationException e) {
        if (isPropagation(e)) {
          return Result.NOT_YET;
        }
        if (e.httpStatus() == 404 && "SecretNotFound".equals(e.azureErrorCode().orElse(""))) {
          refuseIfMissing(client, name);
        } else {
          throw e;
        }
      }
    }
    return Result.EFFECTIVE;
  }

  private static boolean isPropagation(ElevationException e) {
    return e.httpStatus() == 403 && "ForbiddenByRbac".equals(e.azureErrorCode().orElse(""))
        && e.getCause() instanceof HttpResponseException;
  }

  private void refuseIfMissing(VaultSecrets client, SecretName name) {
    if (whenMissing == MissingSecretPolicy.REFUSE) {
      throw new ElevationException(FailureKind.OPERATION_FAILED, "Secret '" + name + "' does not exist in "
          + client.vaultUrl() + ", and the rotation refuses to create secrets. Check the name, or allow creating "
          + "the first version (missing-secret policy CREATE).", "SecretNotFound", null, 404, null);
    }
  }
}
