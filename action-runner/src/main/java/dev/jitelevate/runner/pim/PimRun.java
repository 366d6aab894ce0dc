package dev.jitelevate.runner.pim;

import dev.jitelevate.pimconfig.PimApiException;
import dev.jitelevate.pimconfig.PimConfigException;
import dev.jitelevate.pimconfig.PimTenant;
import dev.jitelevate.pimconfig.StalePlanException;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.SignIn;
import dev.jitelevate.runner.cli.SignInOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * What the pim commands share: exit codes (terraform's detailed ones: 0 nothing to do, 2 changes or findings,
 * 1 error), one-line errors for bad files and refused calls, and the tenant from the sign-in options.
 */
final class PimRun {
  static final int OK = 0;
  static final int ERROR = 1;
  static final int CHANGES = 2;

  private PimRun() {}

  static PimTenant tenant(PimCommand parent, SignInOptions signIn) {
    SignIn in = new SignIn(signIn, parent.root().env(), parent.root().console());
    return PimTenant.connect(in.cloud(), in.identity());
  }

  /** Runs a command body, turning bad input and refused calls into one line on stderr and exit code 1. */
  static int guarded(Console console, String command, Callable<Integer> body) throws InterruptedException {
    try {
      return body.call();
    } catch (PimConfigException | PimApiException | StalePlanException | UncheckedIOException e) {
      console.error("pim " + command + ": " + e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
      return ERROR;
    } catch (InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
