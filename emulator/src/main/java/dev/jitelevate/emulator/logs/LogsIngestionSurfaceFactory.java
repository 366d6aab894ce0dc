package dev.jitelevate.emulator.logs;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.kernel.SurfaceFactory;

/** Plugs the Logs Ingestion API into the emulator (after the surfaces whose tokens and RBAC it uses). */
public final class LogsIngestionSurfaceFactory implements SurfaceFactory {

  @Override
  public Surface create(EmulatorContext context) {
    return new LogsIngestionSurface(context);
  }

  @Override
  public int order() {
    return 50;
  }
}
