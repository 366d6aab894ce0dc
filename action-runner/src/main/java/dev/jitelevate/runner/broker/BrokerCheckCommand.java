package dev.jitelevate.runner.broker;

import dev.jitelevate.core.Durations;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.TargetKind;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate broker check}: verify an ID token, decide a request with the policy, print the rule. */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Verify a GitHub ID token (signature against the issuer's JWKS, issuer, audience, lifetime) and "
        + "decide a request with the broker policy; prints the decision and the rule.",
    footer = {"", "Exit codes: 0 allowed, 3 denied, 5 the token failed verification, 2 bad input or policy file."})
public final class BrokerCheckCommand implements Callable<Integer> {
  static final int ALLOWED = 0;
  static final int USAGE = 2;
  static final int DENIED = 3;
  static final int UNVERIFIED = 5;

  @ParentCommand
  BrokerCommand parent;

  @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The broker policy (YAML).")
  Path policy;

  @Option(names = "--id-token", required = true, paramLabel = "FILE", description = "A file holding the GitHub ID token.")
  Path idToken;

  @Option(names = "--jwks", paramLabel = "URL|FILE",
      description = "The issuer's keys: a jwks_uri or a saved JWKS file. Default: <issuer>/.well-known/jwks.")
  String jwks;

  @Option(names = "--target", defaultValue = "azure-role", description = "azure-role, directory-role or group.")
  String target;

  @Option(names = "--role", description = "Role display name or definition id.")
  String role;

  @Option(names = "--scope", description = "ARM or directory scope.")
  String scope;

  @Option(names = "--group", description = "Group object id or display name.")
  String group;

  @Option(names = "--duration", defaultValue = "30m", description = "How long, e.g. 30m or 1h (default ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--ticket-number", description = "The ticket number sent with the request.")
  String ticket;

  @Option(names = "--justification", description = "The justification sent with the request.")
  String justification;

  @Override
  public Integer call() {
    Console console = parent.root().console();
    try {
      BrokerPolicy loaded = BrokerPolicy.load(policy);
      GrantRequest request = request();
      String token = readToken();
      console.redactor().register(token);
      Decision decision = new PolicyGate(loaded, keys(loaded), Clock.systemUTC()).decide(token, request);
      console.result(decision.render());
      return decision.allowed() ? ALLOWED : DENIED;
    } catch (PolicyException e) {
      console.error("broker check: " + e.getMessage());
      return USAGE;
    } catch (BadInput e) {
      console.error("broker check: " + e.getMessage());
      return USAGE;
    } catch (TokenVerificationException e) {
      console.error("broker check: authentication: " + e.getMessage());
      return UNVERIFIED;
    }
  }

  private GrantRequest request() {
    TargetKind kind;
    try {
      kind = TargetKind.parse(target);
    } catch (IllegalArgumentException e) {
      throw new BadInput("--target: " + e.getMessage());
    }
    try {
      return new GrantRequest(kind, Optional.ofNullable(role), Optional.ofNullable(scope), Optional.ofNullable(group),
          Durations.parse("duration", duration), Optional.ofNullable(ticket), Optional.ofNullable(justification));
    } catch (RuntimeException e) {
      throw new BadInput("--duration: " + e.getMessage());
    }
  }

  private String readToken() {
    try {
      return Files.readString(idToken, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new BadInput("--id-token: the file " + idToken + " cannot be read. Save the ID token to a file first.");
    }
  }

  private IssuerKeys keys(BrokerPolicy loaded) {
    if (jwks == null || jwks.isBlank()) {
      return IssuerKeys.fromUrl(URI.create(loaded.issuer().replaceAll("/+$", "") + "/.well-known/jwks"));
    }
    if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
      return IssuerKeys.fromUrl(URI.create(jwks));
    }
    return IssuerKeys.fromFile(Path.of(jwks));
  }

  /** Bad command-line input: a one-line message naming the option. */
  private static final class BadInput extends RuntimeException {
    BadInput(String message) {
      super(message);
    }
  }
}
