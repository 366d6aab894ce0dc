package dev.jitelevate.emulator.entra;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.kernel.SurfaceFactory;

/** Plugs the GitHub Actions OIDC issuer into the emulator, right after Entra. */
public final class GitHubOidcSurfaceFactory implements SurfaceFactory {
  @Override
  public Surface create(EmulatorContext context) {
    return new GitHubOidcSurface(context);
  }

  @Override
  public int order() {
    return 1;
  }
}
