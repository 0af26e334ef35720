package id.smartcity.app.mongo;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Registers the start-up wait for MongoDB, embedded or given by URI. */
@Configuration(proxyBeanMethods = false)
class MongoStartUpConfiguration {

    /** Static, and bound by hand: a post-processor is created before configuration properties are bound. */
    @Bean
    static MongoStartUpWait mongoStartUpWait(Environment environment) {
        MongoStartUpProperties properties = Binder.get(environment)
                .bindOrCreate("ledger.mongo", MongoStartUpProperties.class);
        return new MongoStartUpWait(properties.startUpWait());
    }
}
