// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundary (STYLE.md §1): JavaFX only in desktop/app; no package cycles in any module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tixun");
    }

    @Test
    void importsEveryModule() {
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("org.tixun.signpad"))
                .anyMatch(p -> p.startsWith("org.tixun.templates"))
                .anyMatch(p -> p.startsWith("org.tixun.core"))
                .anyMatch(p -> p.startsWith("org.tixun.app"));
    }

    @Test
    void javafxOnlyInTheApp() {
        noClasses().that().resideOutsideOfPackage("org.tixun.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void dependenciesPointOneWay() {
        noClasses().that().resideInAnyPackage("org.tixun.core..", "org.tixun.templates..", "org.tixun.signpad..")
                .should().dependOnClassesThat().resideInAPackage("org.tixun.app..").check(classes);
        noClasses().that().resideInAnyPackage("org.tixun.templates..", "org.tixun.signpad..")
                .should().dependOnClassesThat().resideInAPackage("org.tixun.core..").check(classes);
        noClasses().that().resideInAPackage("org.tixun.signpad..")
                .should().dependOnClassesThat().resideInAPackage("org.tixun.templates..").check(classes);
        noClasses().that().resideInAPackage("org.tixun.templates..")
                .should().dependOnClassesThat().resideInAPackage("org.tixun.signpad..").check(classes);
    }

    @Test
    void noCyclesInSignpadDriver() {
        slices().matching("org.tixun.signpad.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noCyclesInTemplates() {
        // The module may have no sub-packages yet; the rule still bites as soon as it has two.
        slices().matching("org.tixun.templates.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    @Test
    void noCyclesInCore() {
        slices().matching("org.tixun.core.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noCyclesInApp() {
        slices().matching("org.tixun.app.(**)").should().beFreeOfCycles().check(classes);
    }
}
