package dev.jitelevate.runner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The runner uses the modules' public APIs only: nothing from the core's internals. */
@AnalyzeClasses(packages = "dev.jitelevate.runner", importOptions = ImportOption.DoNotIncludeTests.class)
class RunnerArchitectureTest {

  @ArchTest
  static final ArchRule theRunnerImportsNothingFromTheCoresInternals = noClasses()
      .that().resideInAPackage("dev.jitelevate.runner..")
      .should().dependOnClassesThat().resideInAPackage("dev.jitelevate.core.internal..");
}
