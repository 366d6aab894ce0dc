package dev.jitelevate.emulator.kernel;

/**
 * Creates one surface. The emulator finds factories with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/dev.jitelevate.emulator.kernel.SurfaceFactory}), creates every surface against
 * one shared context, and loads scenarios into them in {@link #order()}.
 */
public interface SurfaceFactory {

  /** Creates the surface; it registers the shared services it provides with the context here. */
  Surface create(EmulatorContext context);

  /** Load order: entra 0 (the directory first), arm 10, graph 20, keyvault 30, github 40. */
  int order();
}
