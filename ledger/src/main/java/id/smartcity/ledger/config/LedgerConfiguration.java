package id.smartcity.ledger.config;

import id.smartcity.eventstore.Durability;
import id.smartcity.eventstore.EventImporter;
import id.smartcity.eventstore.EventSerialization;
import id.smartcity.eventstore.MongoEventStorageEngine;
import id.smartcity.eventstore.ReadStrategy;
import id.smartcity.eventstore.audit.AuditLog;
import id.smartcity.ledger.awards.Awards;
import id.smartcity.ledger.figures.PublishedFigures;
import id.smartcity.ledger.gate.CommandGate;
import id.smartcity.ledger.gate.CommandValidation;
import id.smartcity.ledger.region.ProgrammeRegister;
import id.smartcity.ledger.region.Region;
import id.smartcity.ledger.register.EventLogProgrammeRegister;
import id.smartcity.ledger.register.StagingEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** Wires the write side: the event store, the aggregates and what every command carries onto its events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
public class LedgerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return EventSerialization.serializer();
    }

    /** How the log and the read models are read from the server they share (ADR 17). */
    @Bean
    ReadStrategy readStrategy(MongoDatabaseFactory databaseFactory, EventStoreProperties properties) {
        return switch (properties.readStrategy()) {
            case AUTO -> ReadStrategy.detect(databaseFactory.getMongoDatabase());
            case EMBEDDED_SERVER -> ReadStrategy.EMBEDDED_SERVER;
            case RANGE -> ReadStrategy.RANGE;
        };
    }

    @Bean(destroyMethod = "close")
    MongoEventStorageEngine eventStorageEngine(MongoDatabaseFactory databaseFactory, ReadStrategy readStrategy,
                                               @Qualifier("eventSerializer") Serializer eventSerializer,
                                               List<EventUpcaster> upcasters, ObjectProvider<Durability> durability,
                                               Clock clock, EventStoreProperties properties,
                                               ObjectProvider<MeterRegistry> meters) {
        Timer appendLatency = Timer.builder("ledger.append").description("Time to store a command's events durably")
                .publishPercentiles(0.5, 0.99).register(meters.getIfAvailable(SimpleMeterRegistry::new));
        return MongoEventStorageEngine.builder()
                .database(databaseFactory.getMongoDatabase())
                .readStrategy(readStrategy)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .upcasterChain(new EventUpcasterChain(upcasters))
                .durability(durability.getIfAvailable(() -> Durability.WRITE_CONCERN))
                .clock(clock)
                .pageSize(properties.pageSize())
                .maxCommitEvents(properties.maxCommitEvents())
                .appendTimer(nanos -> appendLatency.record(nanos, TimeUnit.NANOSECONDS))
                .build();
    }

    @Bean
    AuditLog auditLog(MongoEventStorageEngine eventStorageEngine, Clock clock) {
        return new AuditLog(eventStorageEngine.eventLog(), clock);
    }

    @Bean
    EventImporter eventImporter(MongoEventStorageEngine eventStorageEngine) {
        return new EventImporter(eventStorageEngine.eventLog());
    }

    /** Axon's embedded event store, able to tell the register what the unit of work in progress published. */
    @Bean
    StagingEventStore stagingEventStore(MongoEventStorageEngine eventStorageEngine,
                                 org.axonframework.config.Configuration configuration) {
        return StagingEventStore.of(EmbeddedEventStore.builder().storageEngine(eventStorageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore")));
    }

    /** Command handlers ask it for facts across regions (Smart Province, awards). */
    @Bean
    ProgrammeRegister programmeRegister(MongoEventStorageEngine eventStorageEngine, StagingEventStore eventStore) {
        return new EventLogProgrammeRegister(eventStorageEngine.eventLog(), eventStore::staged);
    }

    /**
     * Every command's limits are checked on the bus itself, so that every way a command enters passes them: the
     * HTTP endpoints, the imports, the dashboard, and whatever sends commands later (ADR 13).
     */
    @Bean
    CommandValidation commandValidation(CommandBus commandBus) {
        CommandValidation validation = new CommandValidation();
        // Built at start, not on the first command: the validator's metadata and the parser's deserializers of every
        // command (the first request after a restart would otherwise wait for them).
        CommandGate.COMMANDS.values().forEach(type -> {
            validation.prepare(type);
            CommandGate.prepare(type);
        });
        commandBus.registerDispatchInterceptor(validation);
        return validation;
    }

    @Bean
    CorrelationDataProvider ledgerCorrelationDataProvider() {
        return new LedgerCorrelationDataProvider();
    }

    @Bean
    Cache regionCache(EventStoreProperties properties) {
        return new LruCache(properties.cachedAggregates());
    }

    /** Registered here rather than with Axon's Spring stereotype, so that the domain has no Spring in it. */
    @Bean
    ConfigurerModule aggregates(Cache regionCache) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Region.class)
                        .configureCache(configuration -> regionCache))
                .configureAggregate(PublishedFigures.class)
                .configureAggregate(Awards.class);
    }
}
