package dev.jitelevate.emulator.server;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.kernel.SurfaceFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the surfaces through {@link ServiceLoader} and creates them, in load order, against one context. */
public final class SurfaceCatalog {
  private SurfaceCatalog() {}

  /** Creates every discovered surface, sorted by {@link SurfaceFactory#order()}. */
  public static List<Surface> createAll(EmulatorContext context, ClassLoader loader) {
    List<SurfaceFactory> factories = new ArrayList<>();
    ServiceLoader.load(SurfaceFactory.class, loader).forEach(factories::add);
    factories.sort(Comparator.comparingInt(SurfaceFactory::order));
    List<Surface> surfaces = new ArrayList<>();
    for (SurfaceFactory factory : factories) {
      surfaces.add(factory.create(context));
    }
    return surfaces;
  }
}
