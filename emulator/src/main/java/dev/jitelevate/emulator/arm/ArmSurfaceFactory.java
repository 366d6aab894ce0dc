package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.kernel.SurfaceFactory;

/** Plugs the ARM Microsoft.Authorization surface into the emulator (load order 10, after Entra). */
public final class ArmSurfaceFactory implements SurfaceFactory {
  @Override
  public Surface create(EmulatorContext context) {
    return new ArmSurface(context);
  }

  @Override
  public int order() {
    return 10;
  }
}
