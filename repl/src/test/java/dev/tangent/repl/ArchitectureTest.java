package dev.tangent.repl;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of docs/architecture.md, checked on the compiled main classes of every module on
 * the distribution's class path: modules use only the module API (dev.tangent.spi), and neither
 * the interpreter's packages nor the modules depend on each other in a circle.
 */
class ArchitectureTest {
  static JavaClasses classes;

  /** Interpreter packages a module must not use (internals and the embedding API). */
  static final String[] INTERNALS = {
      "dev.tangent.api..", "dev.tangent.ast..", "dev.tangent.compile..", "dev.tangent.diag..",
      "dev.tangent.exec..", "dev.tangent.jit..", "dev.tangent.nodes..", "dev.tangent.parse..",
      "dev.tangent.resolve..", "dev.tangent.grammar..", "dev.tangent.repl.."};

  /** Every stdlib module's packages. */
  static final String[] MODULES = {
      "dev.tangent.core..", "dev.tangent.io..", "dev.tangent.progress..", "dev.tangent.plot..",
      "dev.tangent.nd4j..", "dev.tangent.tensor..", "dev.tangent.lie..", "dev.tangent.nn..",
      "dev.tangent.drdm..", "dev.tangent.lib.."};

  @BeforeAll static void load() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("dev.tangent");
  }

  @Test void modulesUseOnlyTheModuleApi() {
    noClasses().that().resideInAnyPackage(MODULES)
        .should().dependOnClassesThat().resideInAnyPackage(INTERNALS)
        .because("a module is written against dev.tangent.spi only (docs/modules.md)")
        .check(classes);
    // JSR-223: a module with a script extension registers one factory subclass, nothing else.
    noClasses().that().resideInAnyPackage(MODULES)
        .should().dependOnClassesThat(resideInAPackage("dev.tangent.jsr223..")
            .and(not(equivalentTo(dev.tangent.jsr223.ModuleScriptEngineFactory.class))))
        .check(classes);
  }

  @Test void theModuleApiDependsOnNoInterpreterInternals() {
    noClasses().that().resideInAPackage("dev.tangent.spi..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.tangent.api..", "dev.tangent.ast..", "dev.tangent.compile..", "dev.tangent.exec..",
            "dev.tangent.jit..", "dev.tangent.nodes..", "dev.tangent.parse..", "dev.tangent.resolve..",
            "dev.tangent.jsr223..")
        .check(classes);
  }

  @Test void runtimeTiersKnowNeitherNodesNorBytecode() {
    noClasses().that().resideInAPackage("dev.tangent.exec..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.tangent.nodes..", "dev.tangent.jit..", "dev.tangent.compile..")
        .check(classes);
  }

  @Test void noPackageCycles() {
    slices().matching("dev.tangent.(**)").should().beFreeOfCycles().check(classes);
  }
}
