// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the module layout (docs/architecture.md, decision 0009), checked over every module of the build: this
 * module's class path holds them all, the plug-ins (demo, simulators, benchmarks, gateway) included.
 */
class ArchitectureTest {
    /** Packages of the modules that must never be reached from production code. */
    static final String[] NOT_PRODUCTION = {"org.tixun.demo..", "org.tixun.sim..", "org.tixun.bench..",
        "org.tixun.signpad.sim..", "org.tixun.signpad.bench.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tixun");
    }

    @Test
    void importsEveryModule() {
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(JavaClass::getPackageName))
                .anyMatch(p -> p.startsWith("org.tixun.signpad"))
                .anyMatch(p -> p.startsWith("org.tixun.templates"))
                .anyMatch(p -> p.startsWith("org.tixun.core.i18n"))
                .anyMatch(p -> p.startsWith("org.tixun.core.pki"))
                .anyMatch(p -> p.startsWith("org.tixun.core.store"))
                .anyMatch(p -> p.startsWith("org.tixun.core.evidence"))
                .anyMatch(p -> p.startsWith("org.tixun.core.media"))
                .anyMatch(p -> p.startsWith("org.tixun.core.devices"))
                .anyMatch(p -> p.startsWith("org.tixun.core.session"))
                .anyMatch(p -> p.startsWith("org.tixun.core.sync"))
                .anyMatch(p -> p.startsWith("org.tixun.core.archive"))
                .anyMatch(p -> p.startsWith("org.tixun.core.gateway"))
                .anyMatch(p -> p.startsWith("org.tixun.app"))
                .anyMatch(p -> p.startsWith("org.tixun.demo"))
                .anyMatch(p -> p.startsWith("org.tixun.sim"))
                .anyMatch(p -> p.startsWith("org.tixun.bench"));
    }

    @Test
    void productionNeverReachesTheDemoTheSimulatorsOrTheBenchmarks() {
        noClasses().that().resideOutsideOfPackages(NOT_PRODUCTION)
                .should().dependOnClassesThat().resideInAnyPackage(NOT_PRODUCTION)
                .because("a real session must never reach sample data or a simulated device (the rule of evidence);"
                        + " the app finds the demo through DemoKit (ServiceLoader) only")
                .check(classes);
    }

    @Test
    void javafxOnlyInTheAppAndItsPlugins() {
        noClasses().that().resideInAnyPackage("org.tixun.core..", "org.tixun.templates..", "org.tixun.signpad..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..").check(classes);
    }

    /** app → feature modules → domain → pki → i18n; each layer only what its Maven module depends on. */
    @Test
    void modulesDependOneWay() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.tixun..")
                .withOptionalLayers(true)
                .layer("i18n").definedBy("org.tixun.core.i18n..")
                .layer("pki").definedBy("org.tixun.core.pki..")
                .layer("domain").definedBy("org.tixun.core", "org.tixun.core.services..", "org.tixun.core.config..",
                        "org.tixun.core.store..", "org.tixun.core.audit..", "org.tixun.core.users..",
                        "org.tixun.core.cases..", "org.tixun.core.records..", "org.tixun.core.setup..",
                        "org.tixun.core.util..", "org.tixun.core.cli..")
                .layer("evidence").definedBy("org.tixun.core.evidence..")
                .layer("media").definedBy("org.tixun.core.media..", "org.tixun.core.recording..")
                .layer("sync").definedBy("org.tixun.core.sync..")
                .layer("archive").definedBy("org.tixun.core.archive..")
                .layer("gateway").definedBy("org.tixun.core.gateway..")
                .layer("devices").definedBy("org.tixun.core.devices..")
                .layer("session").definedBy("org.tixun.core.session..")
                .layer("templates").definedBy("org.tixun.templates..")
                .layer("signpad").definedBy("org.tixun.signpad..")
                .layer("app").definedBy("org.tixun.app..")
                .layer("plugins").definedBy(NOT_PRODUCTION)
                .whereLayer("plugins").mayNotBeAccessedByAnyLayer()
                .whereLayer("app").mayOnlyBeAccessedByLayers("plugins")
                .whereLayer("session").mayOnlyBeAccessedByLayers("app", "plugins")
                .whereLayer("archive").mayOnlyBeAccessedByLayers("session", "app", "plugins")
                .whereLayer("gateway").mayOnlyBeAccessedByLayers("plugins")
                .whereLayer("sync").mayOnlyBeAccessedByLayers("archive", "session", "app", "plugins")
                .whereLayer("devices").mayOnlyBeAccessedByLayers("session", "app", "plugins")
                .whereLayer("media").mayOnlyBeAccessedByLayers("devices", "sync", "session", "archive", "app", "plugins")
                .whereLayer("evidence").mayOnlyBeAccessedByLayers("media", "devices", "session", "archive", "gateway",
                        "app", "plugins")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("media", "devices", "sync", "archive", "gateway",
                        "session", "app", "plugins")
                .whereLayer("i18n").mayOnlyBeAccessedByLayers("pki", "domain", "evidence", "media", "devices", "sync",
                        "archive", "gateway", "session", "app", "plugins")
                .whereLayer("pki").mayOnlyBeAccessedByLayers("domain", "evidence", "media", "devices", "sync",
                        "archive", "gateway", "session", "app", "plugins")
                .whereLayer("templates").mayOnlyBeAccessedByLayers("session", "app", "plugins")
                .whereLayer("signpad").mayOnlyBeAccessedByLayers("devices", "session", "app", "plugins")
                .check(classes);
    }

    /** One slice per package, the root packages included ({@code org.tixun.core} itself is a slice). */
    @Test
    void noPackageCyclesAnywhere() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return pkg.startsWith("org.tixun") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "every org.tixun package";
            }
        }).should().beFreeOfCycles().check(classes);
    }
}
