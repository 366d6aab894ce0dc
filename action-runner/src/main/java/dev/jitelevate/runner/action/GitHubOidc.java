package dev.jitelevate.runner.action;

import dev.jitelevate.runner.RunnerJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.CloudHttp;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.Sleeper;
import dev.jitelevate.runner.ExitCodes;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches GitHub Actions ID tokens for Entra's token exchange (audience {@code api://AzureADTokenExchange} unless
 * the {@code audience} input says otherwise, as in azure/login). Like the toolkit's {@code getIDToken}, a 5xx
 * or a dropped connection is retried up to 10 times with a short exponential backoff. Every token is masked
 * before it is used, and the subject of the last one is kept to explain an {@code AADSTS70021} (no federated
 * credential for this subject).
 */
final class GitHubOidc {
  static final String AUDIENCE = "api://AzureADTokenExchange";
  /** The toolkit's {@code maxRetries} for the ID token request. */
  static final int MAX_RETRIES = 10;
  private static final ObjectMapper MAPPER = RunnerJson.MAPPER;

  private final CloudSettings.OidcEndpoint endpoint;
  private final String audience;
  private final OkHttpClient http;
  private final WorkflowLog log;
  private final Sleeper sleeper;
  private final AtomicReference<String> lastSubject = new AtomicReference<>();
  private final AtomicReference<ActionFailure> lastFailure = new AtomicReference<>();
  /** The last token, reused until a minute before it expires (one sign-in needs several assertions). */
  private String cached;
  private long cachedUntilEpochSecond;
  /**
   * The token {@link #prefetch()} is getting: what callers wait for instead of asking again. Once it has one,
   * the cache serves later callers; if getting it failed, every caller gets that failure.
   */
  private CompletableFuture<String> prefetch;

  GitHubOidc(CloudSettings.OidcEndpoint endpoint, String audience, OkHttpClient http, WorkflowLog log, Sleeper sleeper) {
    this.endpoint = endpoint;
    this.audience = audience;
    this.http = http;
    this.log = log;
    this.sleeper = sleeper;
    log.mask(endpoint.requestToken());
  }

  /** This job's ID tokens for the settings' cloud and audience, over the process's HTTP stack for that cloud. */
  static GitHubOidc forJob(ActionEnvironment env, IdentitySettings settings, GitHubEvent event, WorkflowLog log) {
    return new GitHubOidc(endpoint(env, settings.cloud(), event), settings.audience(),
        CloudHttp.okHttp(settings.cloud().cloud()), log, Sleeper.system());
  }

  /** The audience the tokens are asked for (what the federated credential must list). */
  String audience() {
    return audience;
  }

  /**
   * Where to get tokens: the cloud profile's issuer when it names one, else the runner's. Only for the runner's
   * does it check that this run can get one at all (not from a fork, with {@code id-token: write}) and that
   * the token would go to an authority that may have it ({@link AuthorityTrust}).
   *
   * @throws ActionFailure saying what to fix when the run comes from a fork, lacks {@code id-token: write}, or
   *     would send the runner's token to an authority the workflow does not trust
   */
  static CloudSettings.OidcEndpoint endpoint(ActionEnvironment env, CloudSettings cloud, GitHubEvent event) {
    if (cloud.profileOidc().isPresent()) {
      return cloud.profileOidc().get();
    }
    if (event.isForkPullRequest()) {
      throw ActionFailure.authentication("No OIDC token for pull requests from forks", "This pull_request run comes"
          + " from the fork " + UntrustedText.neutralize(event.pullRequest().get().headRepository(), 100) + ", and GitHub"
          + " gives such runs no ID token, so there is nothing to sign in to Azure with. Elevate only in runs of"
          + " this repository's own branches (e.g. on push or in a pull_request_target/environment-gated job that"
          + " does not run the fork's code).");
    }
    Optional<CloudSettings.OidcEndpoint> fromRunner = env.get("ACTIONS_ID_TOKEN_REQUEST_URL").flatMap(url ->
        env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN").map(token -> new CloudSettings.OidcEndpoint(url, token)));
    CloudSettings.OidcEndpoint runner = fromRunner.orElseThrow(() -> ActionFailure.authentication(
        "Missing permission id-token: write", "The runner gave this step no ACTIONS_ID_TOKEN_REQUEST_URL, so it cannot"
            + " get a GitHub OIDC token to sign in to Azure. Add 'permissions: id-token: write' (and contents: read)"
            + " to the job or workflow. On a self-hosted runner on Azure, use credential: managed-identity instead."));
    AuthorityTrust.requireTrusted(cloud, env);
    return runner;
  }

  /**
   * Returns a fresh ID token (masked before it is returned).
   *
   * @throws ActionFailure when GitHub refuses or cannot be reached
   */
  String idToken() {
    CompletableFuture<String> pending;
    synchronized (this) {
      pending = prefetch;
      if (pending == null) {
        return cachedOrFetched();
      }
      if (pending.isDone() && !pending.isCompletedExceptionally()) {
        prefetch = null;
      }
    }
    return OwnThread.join(pending);
  }

  private String cachedOrFetched() {
    if (cached != null && java.time.Instant.now().getEpochSecond() < cachedUntilEpochSecond) {
      return cached;
    }
    String token = fetch();
    long exp = Jwts.claim(token, "exp").flatMap(GitHubOidc::seconds).orElse(0L);
    cached = token;
    cachedUntilEpochSecond = Math.min(exp - 60, java.time.Instant.now().getEpochSecond() + 240);
    return token;
  }

  /**
   * Starts getting a token on a thread of its own, for a sign-in about to begin: GitHub's round trip then overlaps
   * building the credentials instead of following it. Callers of {@link #idToken} meanwhile wait for it and get its
   * token, or its failure, rather than asking again.
   */
  synchronized void prefetch() {
    if (prefetch != null) {
      return;
    }
    prefetch = CompletableFuture.supplyAsync(() -> {
      synchronized (this) {
        return cachedOrFetched();
      }
    }, OwnThread.named("jit-elevate-github-oidc"));
  }

  private String fetch() {
    for (int retry = 0; ; retry++) {
      try {
        String token = fetchOnce(retry < MAX_RETRIES);
        lastFailure.set(null);
        return token;
      } catch (Retryable e) {
        pause(retry);
      } catch (ActionFailure e) {
        lastFailure.set(e);
        throw e;
      }
    }
  }

  /**
   * Why the last ID token request failed, if it did: the SDK that called {@link #idToken} may have wrapped the
   * failure in its own exception, whose message would name Java classes and point at Entra instead of GitHub.
   */
  Optional<ActionFailure> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  /** The toolkit's backoff: 5 ms × 2^n, n at most 10. */
  private void pause(int retry) {
    try {
      sleeper.sleep(java.time.Duration.ofMillis(5L << Math.min(10, retry + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionFailure("Cancelled", "The step was cancelled while it waited for GitHub's OIDC endpoint.",
          ExitCodes.of(FailureKind.SERVICE_UNAVAILABLE));
    }
  }

  /** Thrown by one attempt that may be retried. */
  private static final class Retryable extends RuntimeException {
    Retryable() {
      super(null, null, false, false);
    }
  }

  private String fetchOnce(boolean mayRetry) {
    String separator = endpoint.url().contains("?") ? "&" : "?";
    Request request = new Request.Builder()
        .url(endpoint.url() + separator + "audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8))
        .header("Authorization", "Bearer " + endpoint.requestToken())
        .header("Accept", "application/json").get().build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body() == null ? "" : response.body().string();
      if (response.code() >= 500 && mayRetry) {
        throw new Retryable();
      }
      if (!response.isSuccessful()) {
        throw refused(response.code(), body);
      }
      JsonNode value = MAPPER.readTree(body).path("value");
      if (!value.isTextual() || value.asText().isBlank()) {
        throw ActionFailure.authentication("No OIDC token", "GitHub's OIDC endpoint answered without a token. Re-run the job.");
      }
      String token = value.asText();
      log.mask(token);
      Jwts.claim(token, "sub").ifPresent(lastSubject::set);
      return token;
    } catch (IOException e) {
      if (mayRetry) {
        throw new Retryable();
      }
      throw new ActionFailure("Cannot reach GitHub's OIDC endpoint", "The ID token request failed " + (MAX_RETRIES + 1)
          + " times (" + why(e) + "). Re-run the job; if it persists, check the runner's network"
          + " and its HTTPS_PROXY/NO_PROXY.",
          ExitCodes.of(FailureKind.SERVICE_UNAVAILABLE));
    }
  }

  /** Why the request failed, in words rather than an exception's class name. */
  private static String why(IOException e) {
    if (e instanceof java.net.SocketTimeoutException) {
      return "it timed out";
    }
    if (e instanceof java.net.UnknownHostException) {
      return "the host name does not resolve";
    }
    if (e instanceof java.net.ConnectException) {
      return "the connection was refused";
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return "the TLS handshake failed";
    }
    return "the connection failed";
  }

  private static Optional<Long> seconds(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The subject ({@code sub}) of the last token fetched: what Entra matches federated credentials against. */
  Optional<String> lastSubject() {
    return Optional.ofNullable(lastSubject.get());
  }

  private ActionFailure refused(int status, String body) {
    String message = "";
    try {
      message = MAPPER.readTree(body).path("message").asText("");
    } catch (IOException e) {
      message = "";
    }
    String said = message.isBlank() ? "" : " GitHub said: " + UntrustedText.neutralize(log.redact(message), 200);
    if (status == 403) {
      return ActionFailure.authentication("GitHub refused an OIDC token", "GitHub refused the ID token (HTTP 403)."
          + said + " Runs of pull requests from forks get no token; elsewhere, add 'permissions: id-token: write'.");
    }
    return ActionFailure.authentication("GitHub refused an OIDC token", "GitHub refused the ID token (HTTP " + status
        + ")." + said + " Check that the job has 'permissions: id-token: write'.");
  }
}
