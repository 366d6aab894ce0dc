package dev.jitelevate.emulator.kernel;

import java.util.function.Function;

/** A {@link SurfaceFactory} that builds its surface from the context and loads it at a fixed place in the order. */
public abstract class OrderedSurfaceFactory implements SurfaceFactory {
  private final int order;
  private final Function<EmulatorContext, Surface> constructor;

  /**
   * Creates the factory.
   *
   * @param order where the surface loads: lower first
   * @param constructor builds the surface from the emulator's context
   */
  protected OrderedSurfaceFactory(int order, Function<EmulatorContext, Surface> constructor) {
    this.order = order;
    this.constructor = constructor;
  }

  @Override
  public final Surface create(EmulatorContext context) {
    return constructor.apply(context);
  }

  @Override
  public final int order() {
    return order;
  }
}
