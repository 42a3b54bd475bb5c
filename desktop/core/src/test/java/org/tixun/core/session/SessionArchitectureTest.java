// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The session packages keep the core's rules (the app module's ArchitectureTest checks the whole build). */
class SessionArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.tixun.core");

    @Test
    void corePackagesStayFreeOfCyclesWithTheSessionPackages() {
        // Top-level feature slices (session, evidence, pki, ...) and the session's own sub-packages. The finer
        // "org.tixun.core.(**)" rule also sees evidence <-> evidence.format, which predates the session packages.
        slices().matching("org.tixun.core.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.tixun.core.session.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sessionUsesNoJavafxAndNothingOutsideTheCoreDependsOnIt() {
        noClasses().that().resideInAPackage("org.tixun.core.session..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..").check(classes);
        noClasses().that().resideOutsideOfPackage("org.tixun.core.session..").and()
                .resideInAPackage("org.tixun.core..").should().dependOnClassesThat()
                .resideInAPackage("org.tixun.core.session..").check(classes);
    }
}
