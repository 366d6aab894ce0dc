package dev.jitelevate.runner;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by the build). */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = JitElevate.class.getPackage().getImplementationVersion();
    return new String[] {"jit-elevate " + (version == null ? "development build" : version)};
  }
}
