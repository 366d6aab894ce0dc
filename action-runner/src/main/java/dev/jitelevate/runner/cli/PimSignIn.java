package dev.jitelevate.runner.cli;

import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;

/**
 * The cloud and identity of the sign-in options, for command groups outside this package (pim): the same rules as
 * every other command, secrets registered with the redactor before anything prints.
 */
public record PimSignIn(CloudProfile cloud, CredentialSource identity) {
  /** Signs in as the options say. */
  public static PimSignIn of(SignInOptions options, Env env, Console console) {
    SignIn signIn = new SignIn(options, env, console);
    return new PimSignIn(signIn.cloud(), signIn.identity());
  }
}
