package dev.confab.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Holds the module directions of DESIGN.md on the production classes of every module. It lives in {@code bench}
 * because that is the one module that sees all the others. Maven already refuses imports of modules a module does
 * not depend on; these rules hold what Maven cannot see: packages inside a module, and third-party libraries.
 */
@AnalyzeClasses(packages = "dev.confab", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDirectionsTest {

    @ArchTest
    static final ArchRule protocolStandsAlone = noClasses().that().resideInAPackage("dev.confab.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.confab.crypto..", "dev.confab.media..",
                    "dev.confab.server..", "dev.confab.client..", "dev.confab.testkit..")
            .because("the wire types are shared by every side and depend on none of them");

    @ArchTest
    static final ArchRule cryptoStandsAlone = noClasses().that().resideInAPackage("dev.confab.crypto..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.confab.protocol..", "dev.confab.media..",
                    "dev.confab.server..", "dev.confab.client..", "dev.confab.testkit..");

    @ArchTest
    static final ArchRule mediaDependsOnlyOnCrypto = noClasses().that().resideInAPackage("dev.confab.media..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.confab.protocol..", "dev.confab.server..",
                    "dev.confab.client..", "dev.confab.testkit..")
            .allowEmptyShould(true); // media is filled in by the call issues

    @ArchTest
    static final ArchRule serverImportsNoMediaNorClient = noClasses().that().resideInAPackage("dev.confab.server..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.confab.media..", "dev.confab.client..",
                    "dev.confab.testkit..");

    @ArchTest
    static final ArchRule coreImportsNoJavaFx = noClasses().that().resideInAPackage("dev.confab.client.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..",
                    "dev.confab.client.ui..", "dev.confab.client.cli..", "picocli..")
            .because("the client core is shared by the CLI and the desktop app and must run without a display");

    @ArchTest
    static final ArchRule cliUsesNoJavaFx = noClasses().that().resideInAPackage("dev.confab.client.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.confab.client.ui..");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses().that().resideInAPackage("dev.confab.client.ui..")
            .and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene", "javafx.scene.control..",
                    "javafx.scene.layout..", "javafx.scene.shape..", "javafx.scene.canvas..", "javafx.stage..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
            .because("view-models hold no nodes or windows and are tested as plain JUnit without one (STYLE.md);"
                    + " an Image they pass on is data, not a node");

    @ArchTest
    static final ArchRule productionCodeNeverUsesTestkit = noClasses().that().resideOutsideOfPackages(
                    "dev.confab.testkit..", "dev.confab.bench..")
            .should().dependOnClassesThat().resideInAPackage("dev.confab.testkit..")
            .because("testkit launches real servers for tests and benchmarks only");
}
