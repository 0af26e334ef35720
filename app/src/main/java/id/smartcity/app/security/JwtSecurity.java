package id.smartcity.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Production sign-in: bearer tokens of one configured issuer, the roles taken from a claim. */
final class JwtSecurity {
    private JwtSecurity() {
    }

    static JwtDecoder decoder(SecurityProperties.Jwt settings) {
        if (settings.issuer() == null || settings.issuer().isBlank()) {
            throw new IllegalStateException("ledger.security.mode=JWT needs ledger.security.jwt.issuer");
        }
        if (settings.publicKey() == null) {
            return JwtDecoders.fromIssuerLocation(settings.issuer());
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(readKey(settings)).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
        return decoder;
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
