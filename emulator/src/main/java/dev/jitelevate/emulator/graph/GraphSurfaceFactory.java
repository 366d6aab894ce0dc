package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.kernel.SurfaceFactory;

/** Plugs the Microsoft Graph surface into the emulator (loaded after Entra and ARM). */
public final class GraphSurfaceFactory implements SurfaceFactory {

  @Override
  public Surface create(EmulatorContext context) {
    return new GraphSurface(context);
  }

  @Override
  public int order() {
    return 20;
  }
}
