package dev.jitelevate.emulator.entra;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.kernel.SurfaceFactory;

/** Plugs Microsoft Entra ID into the emulator; first, because every other surface reads its directory. */
public final class EntraSurfaceFactory implements SurfaceFactory {
  @Override
  public Surface create(EmulatorContext context) {
    return new EntraSurface(context);
  }

  @Override
  public int order() {
    return 0;
  }
}
