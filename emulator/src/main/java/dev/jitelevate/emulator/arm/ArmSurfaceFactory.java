package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.OrderedSurfaceFactory;

/** Plugs the ARM Microsoft.Authorization surface into the emulator (load order 10, after Entra). */
public final class ArmSurfaceFactory extends OrderedSurfaceFactory {
  /** Creates the factory; found by {@link java.util.ServiceLoader}. */
  public ArmSurfaceFactory() {
    super(10, ArmSurface::new);
  }
}
