package dev.jitelevate.runner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * jit-elevate.jar drops the Graph SDK's request builders for the APIs it never calls (action-runner/pom.xml).
 * That is safe only while no class it keeps refers to a dropped one, except the client's own entry points
 * to them, which nothing calls.
 */
class PrunedGraphSdkIT {
  private static final Path JAR = Path.of("target", "jit-elevate.jar").toAbsolutePath();
  private static final Pattern GRAPH_TYPE = Pattern.compile("com/microsoft/graph/([a-z0-9]+)/([a-z0-9]+/)?");
  /**
   * Entry points to the dropped builders: getters (users(), me(), identityGovernance().entitlementManagement(),
   * ...) that nothing calls; the JVM loads a builder only when its getter runs (GraphTargetsThroughJarIT runs the
   * getters that are called).
   */
  private static final Set<String> ENTRY_POINTS = Set.of("com/microsoft/graph/BaseGraphServiceClient.class",
      "com/microsoft/graph/serviceclient/GraphServiceClient.class",
      "com/microsoft/graph/identitygovernance/IdentityGovernanceRequestBuilder.class");

  @Test
  void noKeptGraphClassRefersToADroppedOne() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Set<String> packages = packages(jar);
      List<String> dangling = new ArrayList<>();
      Set<String> dropped = new TreeSet<>();
      for (JarEntry e : jar.stream().toList()) {
        String name = e.getName();
        if (!name.startsWith("com/microsoft/graph/") || !name.endsWith(".class") || ENTRY_POINTS.contains(name)) {
          continue;
        }
        try (InputStream in = jar.getInputStream(e)) {
          for (String s : ClassFileStrings.of(in)) {
            Matcher m = GRAPH_TYPE.matcher(s);
            while (m.find()) {
              String pkg = m.group();
              if (!packages.contains(pkg)) {
                dropped.add(pkg);
                dangling.add(name + " -> " + pkg);
              }
            }
          }
        }
      }
      assertThat(dangling).as("kept classes naming dropped packages %s", dropped).isEmpty();
    }
  }

  @Test
  void keepsTheRootsTheGraphSurfacesCall() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Set<String> packages = packages(jar);
      for (String pkg : List.of("directoryobjects/", "groups/", "identitygovernance/privilegedaccess/", "policies/",
          "rolemanagement/", "models/", "serviceclient/")) {
        assertThat(packages.contains("com/microsoft/graph/" + pkg)).as(pkg).isTrue();
      }
      assertThat(packages.contains("com/microsoft/graph/drives/")).as("drives/ is dropped").isFalse();
    }
  }

  /** Every folder that holds a file of the jar, at any depth, with a trailing slash. */
  private static Set<String> packages(JarFile jar) {
    Set<String> packages = new java.util.HashSet<>();
    jar.stream().map(JarEntry::getName).forEach(name -> {
      for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
        packages.add(name.substring(0, i + 1));
      }
    });
    return packages;
  }
}
