package dev.confab.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core stays free of UI toolkits and of the CLI, so the desktop app can build on it. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.confab.client");

    @Test
    void coreUsesNoJavaFx() {
        noClasses().that().resideInAPackage("dev.confab.client.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .check(CLASSES);
    }

    @Test
    void coreDoesNotKnowTheCli() {
        noClasses().that().resideInAPackage("dev.confab.client.core..")
                .should().dependOnClassesThat().resideInAPackage("dev.confab.client.cli..")
                .check(CLASSES);
    }
}
