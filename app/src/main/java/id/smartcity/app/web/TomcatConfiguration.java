package id.smartcity.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Tomcat's part of issue 16, row 15: its own error pages, and the address it answers with. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnClass(StandardHost.class)
@EnableConfigurationProperties(PublicAddress.class)
class TomcatConfiguration {

    @Bean
    ProblemPagesAndPublicAddress problemPagesAndPublicAddress(ObjectMapper json, PublicAddress address) {
        return new ProblemPagesAndPublicAddress(json, address);
    }

    /** Last, so that it finds Boot's error report valve on the host to take the place of. */
    static final class ProblemPagesAndPublicAddress
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        private final ObjectMapper json;
        private final PublicAddress address;

        ProblemPagesAndPublicAddress(ObjectMapper json, PublicAddress address) {
            this.json = json;
            this.address = address;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            // Tomcat's proxy settings: getServerName(), getServerPort() and getScheme() answer these whatever the
            // request's Host header says, so every URL built from a request is built from them.
            factory.addConnectorCustomizers(connector -> {
                connector.setProxyName(address.host());
                connector.setProxyPort(address.port());
                connector.setScheme(address.scheme());
                connector.setSecure("https".equals(address.scheme()));
            });
            // Boot puts a plain ErrorReportValve on the host (server.error.include-stacktrace=never); ours takes its
            // place, and is named the host's error report valve so that the host adds no other when it starts.
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve(json));
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
