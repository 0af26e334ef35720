package id.smartcity.eventstore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The store stands apart: it stores any aggregate's events and knows nothing of the programme (ADR 17). */
@AnalyzeClasses(packages = "id.smartcity", importOptions = ImportOption.DoNotIncludeTests.class)
class EventStoreArchitectureTest {

    @ArchTest
    static final ArchRule storeKnowsOnlyAxonMongoDbAndJson = classes()
            .that().resideInAPackage("id.smartcity.eventstore..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "id.smartcity.eventstore..",
                    "org.axonframework..", "com.mongodb..", "org.bson..", "com.fasterxml.jackson..", "org.slf4j..")
            .because("the messages, the domain, the read side, HTTP and Spring are its callers' business");

    @ArchTest
    static final ArchRule noThreadLocalCarriesResults = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("id.smartcity.eventstore..")
            .should().haveRawType(ThreadLocal.class)
            .because("what an append gives back travels on the unit of work its caller owns (AppendReceipt)");
}
