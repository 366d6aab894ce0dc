package dev.jitelevate.emulator.keyvault;

/** The RBAC data actions Key Vault checks for secret operations. */
final class DataActions {
  static final String GET_SECRET = "Microsoft.KeyVault/vaults/secrets/getSecret/action";
  static final String SET_SECRET = "Microsoft.KeyVault/vaults/secrets/setSecret/action";
  static final String READ_METADATA = "Microsoft.KeyVault/vaults/secrets/readMetadata/action";
  static final String UPDATE = "Microsoft.KeyVault/vaults/secrets/update/action";
  static final String DELETE = "Microsoft.KeyVault/vaults/secrets/delete";
  static final String RECOVER = "Microsoft.KeyVault/vaults/secrets/recover/action";
  static final String PURGE = "Microsoft.KeyVault/vaults/secrets/purge/action";

  private DataActions() {}
}
