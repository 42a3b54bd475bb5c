// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tixun.signpad");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.tixun.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void driverNeverUsesJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(CLASSES);
    }

    @Test
    void apiPackageDoesNotDependOnImplementations() {
        noClasses().that().resideInAPackage("org.tixun.signpad").should().dependOnClassesThat()
                .resideInAnyPackage("org.tixun.signpad.serial..", "org.tixun.signpad.stu..",
                        "org.tixun.signpad.evdev..", "org.tixun.signpad.sim..", "org.tixun.signpad.cli..")
                .check(CLASSES);
    }
}
