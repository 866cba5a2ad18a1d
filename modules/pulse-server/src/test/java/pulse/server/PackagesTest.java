package pulse.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** How the server's packages may depend on each other, checked on the compiled classes (ArchUnit). */
class PackagesTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("pulse.server");

    @Test
    void noPackageOfTheServerDependsOnItselfThroughAnother() {
        slices().matching("pulse.server.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    /** The write path asks the read side through one port ({@code ingest.ProjectDirectory}), which query implements. */
    @Test
    void theWritePathDoesNotReachIntoTheReadSide() {
        noClasses().that().resideInAPackage("pulse.server.ingest..")
                .should().dependOnClassesThat().resideInAPackage("pulse.server.query..")
                .check(SERVER);
    }
}
