package id.smartcity.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "id.smartcity", importOptions = ImportOption.DoNotIncludeTests.class)
class LedgerArchitectureTest {

    @ArchTest
    static final ArchRule domainHasNoFrameworkBeyondAxonAnnotations = noClasses()
            .that().resideInAPackage("id.smartcity.ledger.region..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework.spring..",
                    "com.mongodb..", "org.bson..", "jakarta.servlet..", "id.smartcity.ledger.rest..",
                    "id.smartcity.eventstore..", "id.smartcity.ledger.config..")
            .because("the rules of the programme are plain Java, testable without a container");

    @ArchTest
    static final ArchRule ledgerNeverReadsProjections = noClasses()
            .that().resideInAPackage("id.smartcity.ledger..")
            .should().dependOnClassesThat().resideInAPackage("id.smartcity.projections..")
            .because("the write side stands alone; the read side follows it through events");

    @ArchTest
    static final ArchRule messagesAreAContractWithoutBehaviour = classes()
            .that().resideInAPackage("id.smartcity.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "id.smartcity.api..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization..",
                    "jakarta.validation..")
            .because("commands and events are shared by both sides and must not drag the write side along");

    @ArchTest
    static final ArchRule messagesAreImmutableRecords = classes()
            .that().resideInAPackage("id.smartcity.api..").and().areNotEnums().and().areTopLevelClasses()
            .and().doNotHaveSimpleName("LedgerMetadata").and().doNotHaveSimpleName("Provinces")
            .and().doNotHaveSimpleName("Evaluations").and().doNotHaveSimpleName("Programme")
            .and().areNotInterfaces()
            .should().beRecords();
}
