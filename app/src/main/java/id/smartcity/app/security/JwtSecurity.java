package id.smartcity.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Production sign-in: bearer tokens of one configured issuer, the roles taken from a claim. */
final class JwtSecurity {
    private JwtSecurity() {
    }

    static JwtDecoder decoder(SecurityProperties.Jwt settings, List<String> audiences, Clock clock) {
        if (settings.issuer() == null || settings.issuer().isBlank()) {
            throw new IllegalStateException("ledger.security.mode=JWT needs ledger.security.jwt.issuer");
        }
        if (audiences == null || audiences.isEmpty()) {
            // A token the issuer made for another application (with its own ADMIN role) would be taken as ours.
            throw new IllegalStateException("ledger.security.mode=JWT needs "
                    + "spring.security.oauth2.resourceserver.jwt.audiences: the audiences this ledger is");
        }
        NimbusJwtDecoder decoder = settings.publicKey() == null
                ? NimbusJwtDecoder.withIssuerLocation(settings.issuer()).build()
                : NimbusJwtDecoder.withPublicKey(readKey(settings)).build();
        decoder.setJwtValidator(validator(settings, audiences, clock));
        return decoder;
    }

    /**
     * Spring Security's own validators, each for one claim: the issuer, the time window, one of our audiences, an
     * {@code exp} no further away than the configured lifetime, and a subject (the principal every event records).
     */
    static OAuth2TokenValidator<Jwt> validator(SecurityProperties.Jwt settings, List<String> audiences, Clock clock) {
        JwtTimestampValidator window = new JwtTimestampValidator();
        window.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(window, new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains)),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP,
                        exp -> exp != null && !exp.isAfter(clock.instant().plus(settings.maxLifetime()))),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
    }

    private static RSAPublicKey readKey(SecurityProperties.Jwt settings) {
        try {
            String pem = settings.publicKey().getContentAsString(StandardCharsets.UTF_8)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + settings.publicKey(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not an RSA public key in PEM: " + settings.publicKey(), e);
        }
    }

    /** The roles claim (a list, or one space-separated string) as ROLE_ authorities; the subject as the principal. */
    static Converter<Jwt, AbstractAuthenticationToken> roles(String claim) {
        return jwt -> {
            Object value = jwt.getClaims().get(claim);
            Collection<?> roles = value instanceof Collection<?> list ? list
                    : value == null ? List.of() : List.of(value.toString().split("\\s+"));
            List<GrantedAuthority> authorities = roles.stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }
}
