package dev.jitelevate.emulator.keyvault;

import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.util.List;

/** Maps method and path to the secrets and deleted-secrets operations. */
final class SecretRoutes {
  private final SecretOperations secrets;
  private final DeletedSecretOperations deleted;

  SecretRoutes(SecretOperations secrets, DeletedSecretOperations deleted) {
    this.secrets = secrets;
    this.deleted = deleted;
  }

  EmulatorResponse route(KvCall call) {
    KvPath path = call.path();
    String name = path.name();
    if (name != null && !KvCall.validName(name)) {
      return KeyVaultErrors.invalidName(name);
    }
    return switch (path.collection()) {
      case "secrets" -> secrets(call, name, path.rest());
      case "deletedsecrets" -> deletedSecrets(call, name, path.rest());
      default -> notFound(call);
    };
  }

  private EmulatorResponse secrets(KvCall call, String name, List<String> rest) {
    String method = call.request().method();
    if (rest.isEmpty()) {
      return method.equals("GET") ? secrets.list(call) : methodNotAllowed(method);
    }
    if (rest.size() == 1) {
      return switch (method) {
        case "PUT" -> secrets.set(call, name);
        case "GET" -> secrets.get(call, name, null);
        case "PATCH" -> secrets.update(call, name, null);
        case "DELETE" -> deleted.delete(call, name);
        default -> methodNotAllowed(method);
      };
    }
    if (rest.size() == 2 && rest.get(1).equals("versions")) {
      return method.equals("GET") ? secrets.versions(call, name) : methodNotAllowed(method);
    }
    if (rest.size() == 2) {
      return switch (method) {
        case "GET" -> secrets.get(call, name, rest.get(1));
        case "PATCH" -> secrets.update(call, name, rest.get(1));
        default -> methodNotAllowed(method);
      };
    }
    return notFound(call);
  }

  private EmulatorResponse deletedSecrets(KvCall call, String name, List<String> rest) {
    String method = call.request().method();
    if (rest.isEmpty()) {
      return method.equals("GET") ? deleted.list(call) : methodNotAllowed(method);
    }
    if (rest.size() == 1) {
      return switch (method) {
        case "GET" -> deleted.get(call, name);
        case "DELETE" -> deleted.purge(call, name);
        default -> methodNotAllowed(method);
      };
    }
    if (rest.size() == 2 && rest.get(1).equals("recover") && method.equals("POST")) {
      return deleted.recover(call, name);
    }
    return notFound(call);
  }

  private static EmulatorResponse methodNotAllowed(String method) {
    return KeyVaultErrors.of(405, "MethodNotAllowed", "The requested resource does not support http method '" + method + "'.");
  }

  private static EmulatorResponse notFound(KvCall call) {
    return KeyVaultErrors.of(404, "NotFound", "The requested path " + call.request().path()
        + " is not a Key Vault secrets operation.");
  }
}
