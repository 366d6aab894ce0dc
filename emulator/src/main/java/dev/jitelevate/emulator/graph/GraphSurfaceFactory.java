package dev.jitelevate.emulator.graph;

import dev.jitelevate.emulator.kernel.OrderedSurfaceFactory;

/** Plugs the Microsoft Graph surface into the emulator (loaded after Entra and ARM). */
public final class GraphSurfaceFactory extends OrderedSurfaceFactory {
  /** Creates the factory; found by {@link java.util.ServiceLoader}. */
  public GraphSurfaceFactory() {
    super(20, GraphSurface::new);
  }
}
