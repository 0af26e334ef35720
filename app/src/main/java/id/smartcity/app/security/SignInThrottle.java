package id.smartcity.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Failed sign-ins are limited per user name and per client address, each by a Resilience4j rate limiter (so many
 * failures a period). Once either is spent, sign-ins are refused (429) before the password is checked, so guessing
 * stops, and an anonymous caller can no longer make the server run bcrypt at will. Limiters live in bounded Caffeine
 * caches: a flood of invented names or addresses forgets the oldest, it does not fill the heap.
 */
final class SignInThrottle implements AuthenticationProvider {
    private final AuthenticationProvider delegate;
    private final RateLimiterConfig perUser;
    private final RateLimiterConfig perAddress;
    private final Duration period;
    private final Cache<String, RateLimiter> users;
    private final Cache<String, RateLimiter> addresses;

    SignInThrottle(AuthenticationProvider delegate, SecurityProperties.Throttle settings) {
        this.delegate = delegate;
        this.period = settings.per();
        this.perUser = config(settings.failuresPerUser(), settings.per());
        this.perAddress = config(settings.failuresPerAddress(), settings.per());
        this.users = Caffeine.newBuilder().maximumSize(settings.tracked()).expireAfterAccess(settings.per()).build();
        this.addresses = Caffeine.newBuilder().maximumSize(settings.tracked()).expireAfterAccess(settings.per())
                .build();
    }

    private static RateLimiterConfig config(int failures, Duration per) {
        return RateLimiterConfig.custom().limitForPeriod(failures).limitRefreshPeriod(per)
                .timeoutDuration(Duration.ZERO).build();
    }

    /** Sign-in refused unchecked: too many failures for this user or from this address. */
    static final class Throttled extends AuthenticationException {
        final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("Too many failed sign-ins");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        RateLimiter user = users.get(authentication.getName(), name -> RateLimiter.of("sign-in", perUser));
        RateLimiter address = addresses.get(address(authentication), name -> RateLimiter.of("sign-in", perAddress));
        if (user.getMetrics().getAvailablePermissions() <= 0 || address.getMetrics().getAvailablePermissions() <= 0) {
            throw new Throttled(Math.max(1, period.toSeconds()));
        }
        try {
            return delegate.authenticate(authentication);
        } catch (AuthenticationException e) {
            user.acquirePermission();
            address.acquirePermission();
            throw e;
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
