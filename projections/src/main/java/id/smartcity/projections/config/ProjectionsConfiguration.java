package id.smartcity.projections.config;

import id.smartcity.projections.query.CsvReportConverter;
import id.smartcity.projections.query.ReportProperties;
import id.smartcity.projections.timetravel.TimeTravelProperties;
import id.smartcity.projections.reports.CoverageProperties;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The read side's wiring: processor tokens in MongoDB, CSV for reports. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CoverageProperties.class, ReportProperties.class, TimeTravelProperties.class})
public class ProjectionsConfiguration {

    /** Tokens through the Axon Mongo extension's store, in the same database as the read models. */
    @Bean
    TokenStore tokenStore(MongoDatabaseFactory mongo, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongo.getMongoDatabase())
                        .trackingTokensCollectionName("processor_tokens").build())
                .serializer(serializer)
                .build();
    }

    /**
     * A handler's failure rolls its batch back and the processor retries it: Axon's default logs the failure and
     * moves on, which would leave a read model without the event for good (and hide a failed write-out at shutdown).
     */
    @Bean
    ConfigurerModule readModelsNeverSkipAnEvent() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    WebMvcConfigurer csvReports() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.add(0, new CsvReportConverter());
            }
        };
    }
}
