package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.PrivilegedOperation;
import dev.jitelevate.core.RequiredAccess;
import dev.jitelevate.core.internal.gateway.ResolvedTarget;
import dev.jitelevate.core.internal.gateway.ResolvedTarget.RoleActions;
import dev.jitelevate.core.internal.gateway.SurfaceKind;
import dev.jitelevate.core.keyvault.KeyVaultSecretRotation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbedActionsTest {
  /** Key Vault Secrets Officer's permissions, as ARM returns them. */
  private static final RoleActions SECRETS_OFFICER = new RoleActions(
      List.of("Microsoft.Authorization/*/read", "Microsoft.Insights/alertRules/*", "Microsoft.Resources/deployments/*",
          "Microsoft.Resources/subscriptions/resourceGroups/read", "Microsoft.Support/*",
          "Microsoft.KeyVault/checkNameAvailability/read", "Microsoft.KeyVault/deletedVaults/read",
          "Microsoft.KeyVault/locations/*/read", "Microsoft.KeyVault/vaults/*/read", "Microsoft.KeyVault/operations/read"),
      List.of(), List.of("Microsoft.KeyVault/vaults/secrets/*"), List.of());

  private static ResolvedTarget officer() {
    return new ResolvedTarget(SurfaceKind.ARM, Optional.of("b86a8fe4-44ce-4948-aee5-eccb2c155cd7"),
        "Key Vault Secrets Officer", "/subscriptions/s/resourceGroups/rg", Optional.empty(), SECRETS_OFFICER);
  }

  @Test
  void aKeyVaultRotationIsVerifiedByTheSecretsDataActionsItDeclares() {
    PrivilegedOperation rotation = KeyVaultSecretRotation.builder().vault("kv-app").secret("db-password").build();

    RoleActions probed = ProbedActions.probe(officer(), Optional.of(rotation));

    assertThat(probed.actions()).isEmpty();
    assertThat(probed.dataActions()).containsExactly("Microsoft.KeyVault/vaults/secrets/readMetadata/action",
        "Microsoft.KeyVault/vaults/secrets/getSecret/action", "Microsoft.KeyVault/vaults/secrets/setSecret/action");
  }

  @Test
  void aRoleWithoutDataActionsIsProbedByAnActionThatIsNotAMereRead() {
    RoleActions contributor = new RoleActions(List.of("*/read", "Microsoft.Web/sites/restart/action"), List.of(),
        List.of(), List.of());
    ResolvedTarget target = new ResolvedTarget(SurfaceKind.ARM, Optional.of("x"), "Web restarter", "/subscriptions/s",
        Optional.empty(), contributor);

    assertThat(ProbedActions.probe(target, Optional.empty()).actions())
        .containsExactly("Microsoft.Web/sites/restart/action");
  }

  @Test
  void withoutDeclaredActionsTheRolesMostSpecificActionIsProbed() {
    RoleActions probed = ProbedActions.probe(officer(), Optional.empty());

    assertThat(probed.actions()).isEmpty();
    assertThat(probed.dataActions()).containsExactly("Microsoft.KeyVault/vaults/secrets/*");
  }

  @Test
  void actionsTheRoleDoesNotGrantAreNotWaitedFor() {
    PrivilegedOperation needsOther = new PrivilegedOperation() {
      @Override
      public void perform(dev.jitelevate.core.OperationContext context) {}

      @Override
      public RequiredAccess requiredAccess() {
        return RequiredAccess.dataActions("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read");
      }
    };

    RoleActions probed = ProbedActions.probe(officer(), Optional.of(needsOther));

    assertThat(probed.dataActions()).containsExactly("Microsoft.KeyVault/vaults/secrets/*");
  }
}
