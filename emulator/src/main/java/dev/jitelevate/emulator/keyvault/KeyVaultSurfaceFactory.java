package dev.jitelevate.emulator.keyvault;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.kernel.SurfaceFactory;

/** Plugs the Key Vault secrets surface into the emulator (after Entra, ARM and Graph). */
public final class KeyVaultSurfaceFactory implements SurfaceFactory {

  @Override
  public Surface create(EmulatorContext context) {
    return new KeyVaultSurface(context);
  }

  @Override
  public int order() {
    return 30;
  }
}
