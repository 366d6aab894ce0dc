package dev.jitelevate.core.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the core's packages layered: no cycle between them, so each can be read and changed on its own. */
@AnalyzeClasses(packages = "dev.jitelevate.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule theCoresPackagesHaveNoCycles = slices().matching("dev.jitelevate.core.(**)")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theInternalPackagesHaveNoCyclesAmongThemselves =
      slices().matching("dev.jitelevate.core.internal.(**)").should().beFreeOfCycles();
}
