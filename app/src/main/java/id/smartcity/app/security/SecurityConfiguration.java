package id.smartcity.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.app.i18n.Messages;
import id.smartcity.app.i18n.ProblemMessages;
import id.smartcity.app.web.SecurityHeaders;
import id.smartcity.ledger.rest.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * HTTP Basic against the configured users. Operators send commands and read the programme; reporters, auditors and
 * admins read; auditors and admins read the audit log; admins manage; only health is public. Refusals are problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {
    private static final String OPERATOR = "OPERATOR";
    private static final String REPORTER = "REPORTER";
    private static final String AUDITOR = "AUDITOR";
    private static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, MessageSource messages,
                            SecurityProperties properties,
                            ObjectProvider<OAuth2ResourceServerProperties> resourceServer, Clock clock)
            throws Exception {
        boolean jwt = properties.mode() == SecurityProperties.Mode.JWT;
        String signIn = jwt ? "Send a bearer token of the configured issuer" : "Sign in with HTTP Basic";
        String challenge = jwt ? "Bearer" : "Basic realm=\"smartcity-ledger\"";
        if (jwt) {
            http.oauth2ResourceServer(server -> server
                    .jwt(token -> token.decoder(JwtSecurity.decoder(properties.jwt(), resourceServer.getObject().getJwt()
                                    .getAudiences(), clock))
                            .jwtAuthenticationConverter(JwtSecurity.roles(properties.jwt().rolesClaim())))
                    .authenticationEntryPoint((request, response, e) -> problem(request, response, json, messages,
                            HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", signIn, challenge)));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                if (e instanceof SignInThrottle.Throttled throttled) {
                    response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds));
                    problem(request, response, json, messages, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_FAILED_SIGN_INS",
                            "Too many failed sign-ins for this user or from this address; try again later", null);
                } else {
                    problem(request, response, json, messages, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", signIn,
                            challengeFor(request, challenge));
                }
            }));
        }
        // Spring Security's defaults (nosniff, no framing, no caching) and the policies of SecurityHeaders. Tomcat's
        // own error pages get the same from ProblemErrorReportValve.
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)));
        // Cross-site request forgery: see BrowserRequests. Programs without Origin or Sec-Fetch-* are not affected.
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(BrowserRequests.needingProof())
                        .csrfTokenRepository(BrowserRequests.noTokens()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> problem(request, response, json, messages,
                                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", signIn, challengeFor(request, challenge)))
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                problem(request, response, json, messages, HttpStatus.FORBIDDEN, "CROSS_SITE_REQUEST_REFUSED",
                                        "A browser may change the ledger only from the ledger's own pages, which send "
                                                + BrowserRequests.HEADER + ": " + BrowserRequests.VALUE, null);
                            } else {
                                problem(request, response, json, messages, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not do this",
                                        null);
                            }
                        }))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // The dashboard's files hold no data: it signs in and asks the API like any client.
                        // Not /webjars/**: the stock Swagger UI there would show any API description on our origin.
                        .requestMatchers(HttpMethod.GET, "/", "/dashboard", "/dashboard/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/regions/**", "/api/imports", "/api/published-figures",
                                "/api/awards")
                        .hasAnyRole(OPERATOR, ADMIN)
                        // Operators read the programme they record (reports, cohorts, dossiers); the audit API, with
                        // who recorded what and the hash chain, stays with auditors: an operator does not audit himself.
                        .requestMatchers(HttpMethod.GET, "/api/reports/**", "/api/regions/**", "/api/cohorts/**")
                        .hasAnyRole(OPERATOR, REPORTER, AUDITOR, ADMIN)
                        .requestMatchers("/api/audit/**").hasAnyRole(AUDITOR, ADMIN)
                        // Which build answers: the dashboard's footer shows it to every signed-in user.
                        .requestMatchers(HttpMethod.GET, "/actuator/info").authenticated()
                        .requestMatchers("/api/admin/**", "/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                        // Every endpoint under /api has its rule above; what is left is a path nothing answers: 404
                        // to a signed-in caller, 401 to an anonymous one, who learns nothing about which paths exist.
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * Browsers are never challenged: a challenge makes the browser ask for a password and then send it with every
     * request to the ledger, also with forms other sites submit (cross-site request forgery). The dashboard signs in
     * with its own form; programs are challenged as HTTP asks.
     */
    private static String challengeFor(HttpServletRequest request, String challenge) {
        return BrowserRequests.fromBrowser(request) || BrowserRequests.fromScriptOfOurOwn(request) ? null : challenge;
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                                MessageSource messages, HttpStatus status, String code, String detail,
                                String challenge) throws IOException {
        ProblemDetail problem = Problems.of(status, code, status.getReasonPhrase(), detail);
        // Before the dispatcher: no locale context yet, so the request's Accept-Language as the servlet reads it.
        ProblemMessages.localise(problem, messages, request.getHeader("Accept-Language") == null ? Messages.FALLBACK
                : request.getLocale());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A URL the firewall refuses (path traversal, encoded slashes, ...) is malformed input like any other. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json, MessageSource messages) {
        return (request, response, e) -> problem(request, response, json, messages, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The URL is not acceptable: " + e.getMessage(), null);
    }

    /**
     * No observation around every security filter, authentication and authorization: they took more of a command's
     * request thread than the command itself (ADR 11). Requests are still timed whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        return new InMemoryUserDetailsManager(LedgerUsers.from(properties));
    }

    @Bean
    AuthenticationProvider cachingAuthenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder,
                                                         Clock clock, SecurityProperties properties) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwordEncoder);
        return new SignInThrottle(new CachingAuthenticationProvider(bcrypt, Duration.ofMinutes(5), clock),
                properties.signInThrottle());
    }
}
