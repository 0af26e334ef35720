package id.smartcity.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class CachingAuthenticationProviderTest {
    private final AtomicInteger checks = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T00:00:00Z"));

    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            if (!"secret".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_OPERATOR"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final CachingAuthenticationProvider provider =
            new CachingAuthenticationProvider(bcrypt, Duration.ofMinutes(5), clock);

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("operator", password);
    }

    @Test
    void checksAGoodPasswordOncePerInterval() {
        assertThat(provider.authenticate(login("secret")).isAuthenticated()).isTrue();
        assertThat(provider.authenticate(login("secret")).isAuthenticated()).isTrue();
        assertThat(checks).hasValue(1);

        clock.advance(Duration.ofMinutes(6));
        provider.authenticate(login("secret"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void neverRemembersAFailureNorLetsAnotherPasswordRideOnASuccess() {
        provider.authenticate(login("secret"));
        assertThatThrownBy(() -> provider.authenticate(login("guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
