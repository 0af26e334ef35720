package id.smartcity.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Seen from the application, which holds both sides: they meet only through the events. */
@AnalyzeClasses(packages = "id.smartcity", importOptions = ImportOption.DoNotIncludeTests.class)
class SidesArchitectureTest {

    @ArchTest
    static final ArchRule readSideNeverTouchesTheWriteSide = noClasses()
            .that().resideInAPackage("id.smartcity.projections..")
            .should().dependOnClassesThat().resideInAPackage("id.smartcity.ledger..")
            .because("projections follow the events; they depend on the messages, never on aggregates or the store");

    @ArchTest
    static final ArchRule writeSideNeverReadsProjections = noClasses()
            .that().resideInAPackage("id.smartcity.ledger..")
            .should().dependOnClassesThat().resideInAPackage("id.smartcity.projections..");

    @ArchTest
    static final ArchRule projectionCodeIsPure = noClasses()
            .that().resideInAnyPackage("id.smartcity.projections.model..", "id.smartcity.projections.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                    "org.springframework.web..", "org.springframework.data..", "org.axonframework..")
            .because("the same projection code runs live and in memory for asOf and knownAt");

    @ArchTest
    static final ArchRule projectionsReadNoClock = noClasses()
            .that().resideInAnyPackage("id.smartcity.projections.model..", "id.smartcity.projections.reports..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("the same events must give the same documents");

    @ArchTest
    static final ArchRule noThreadLocalCarriesResults = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("id.smartcity..")
            .should().haveRawType(ThreadLocal.class)
            .because("results travel in return values or on the unit of work their caller owns, never beside them");

    @ArchTest
    static final ArchRule theStoreStandsApart = noClasses()
            .that().resideInAPackage("id.smartcity.eventstore..")
            .should().dependOnClassesThat().resideInAnyPackage("id.smartcity.api..", "id.smartcity.ledger..",
                    "id.smartcity.projections..", "id.smartcity.app..", "org.springframework..")
            .because("the event store is a module of its own that stores any aggregate's events (ADR 17)");

    @ArchTest
    static final ArchRule theApplicationDoesNotKnowTheCommandLine = noClasses()
            .that().haveSimpleName("SmartCityLedgerApplication")
            .should().dependOnClassesThat().resideInAPackage("id.smartcity.app.cli..")
            .because("the command line boots the application for its reads; Main chooses between them");
}
