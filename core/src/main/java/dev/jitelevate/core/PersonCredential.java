package dev.jitelevate.core;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.AuthenticationRecord;
import com.azure.identity.DeviceCodeCredential;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.TokenCachePersistenceOptions;
import dev.jitelevate.core.internal.gateway.sdk.SignInFailures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The one device code credential of a command: built once, so every token after the first comes from the same
 * account and token cache. With a persistent cache it starts from the remembered account (no prompt while the
 * refresh token lives) and remembers the account after an interactive sign-in; when the keyring is missing it
 * says so once and keeps the tokens in memory.
 */
final class PersonCredential implements TokenCredential {
  private final Supplier<DeviceCodeCredentialBuilder> builder;
  private final PersonTokenCache cache;
  private final Consumer<String> prompt;
  private DeviceCodeCredential credential;
  private boolean persistent;
  private boolean remembered;

  PersonCredential(Supplier<DeviceCodeCredentialBuilder> builder, PersonTokenCache cache, Consumer<String> prompt) {
    this.builder = builder;
    this.cache = cache;
    this.prompt = prompt;
    this.persistent = cache.persists();
    this.credential = build();
  }

  private DeviceCodeCredential build() {
    DeviceCodeCredentialBuilder b = builder.get();
    if (persistent) {
      b.tokenCachePersistenceOptions(new TokenCachePersistenceOptions().setName(PersonTokenCache.NAME)
          .setUnencryptedStorageAllowed(cache.allowUnencrypted()));
      readAccount().ifPresent(b::authenticationRecord);
    }
    return b.build();
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromCallable(() -> getTokenSync(request));
  }

  @Override
  public synchronized AccessToken getTokenSync(TokenRequestContext request) {
    try {
      return cachedOrSignedIn(request);
    } catch (ClientAuthenticationException e) {
      throw described(e);
    }
  }

  private AccessToken cachedOrSignedIn(TokenRequestContext request) {
    try {
      if (persistent && !remembered) {
        AuthenticationRecord account = credential.authenticate(request).block();
        remembered = true;
        writeAccount(account);
      }
      return credential.getTokenSync(request);
    } catch (ClientAuthenticationException e) {
      if (!persistent || !unavailableCache(e)) {
        throw e;
      }
      prompt.accept("jit-elevate: the token cache cannot be kept across commands here (no usable keyring"
          + (cache.allowUnencrypted() ? "" : "; --allow-unencrypted-token-cache would keep it in a file")
          + "); this command keeps its tokens in memory.");
      persistent = false;
      credential = build();
      return credential.getTokenSync(request);
    }
  }

  /**
   * Signs the same account in once more, interactively, with the request's claims (a step-up: a silent refresh
   * cannot satisfy an authentication context), then answers the request from the stepped-up session.
   */
  synchronized AccessToken stepUp(TokenRequestContext request) {
    DeviceCodeCredentialBuilder b = builder.get();
    if (persistent) {
      b.tokenCachePersistenceOptions(new TokenCachePersistenceOptions().setName(PersonTokenCache.NAME)
          .setUnencryptedStorageAllowed(cache.allowUnencrypted()));
    }
    // No remembered account: the credential cannot answer silently, so the device code flow runs with the claims.
    try {
      return b.build().getTokenSync(request);
    } catch (ClientAuthenticationException e) {
      throw described(e);
    }
  }

  /**
   * azure-identity's failure with its reason in its message: for the device code flow it says only "Failed to
   * acquire token with device code.", and every caller (ARM's and Graph's pipelines, {@code doctor}) shows the
   * message it gets.
   */
  private static ClientAuthenticationException described(ClientAuthenticationException e) {
    String text = SignInFailures.describe(e);
    return text.equals(e.getMessage()) ? e : new ClientAuthenticationException(text, e.getResponse(), e);
  }

  private static boolean unavailableCache(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("token cache is unavailable") || m.contains("keyring") || m.contains("libsecret")
          || t.getClass().getName().startsWith("com.microsoft.aad.msal4jextensions")) {
        return true;
      }
    }
    return false;
  }

  private Optional<AuthenticationRecord> readAccount() {
    Path file = cache.accountFile().orElseThrow();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      remembered = true;
      return Optional.of(AuthenticationRecord.deserialize(in));
    } catch (IOException | RuntimeException e) {
      remembered = false;
      return Optional.empty(); // a damaged record only costs one interactive sign-in
    }
  }

  private void writeAccount(AuthenticationRecord account) {
    Path file = cache.accountFile().orElseThrow();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        account.serialize(out);
      }
    } catch (IOException e) {
      prompt.accept("jit-elevate: cannot remember the signed-in account in " + file + " (" + e.getMessage()
          + "); the next command asks you to sign in again.");
    }
  }
}
