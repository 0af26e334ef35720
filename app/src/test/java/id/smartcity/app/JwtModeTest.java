package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production mode: an OAuth2 resource server that trusts one issuer's tokens and takes the roles from a claim. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.mongo.embedded.backend=MEMORY", "ledger.security.mode=JWT",
                "ledger.security.jwt.issuer=https://sso.kominfo.example",
                "spring.security.oauth2.resourceserver.jwt.audiences=smartcity-ledger"})
class JwtModeTest {
    private static final KeyPair KEYS = keys();
    private static final KeyPair OTHER_KEYS = keys();
    private static final String ISSUER = "https://sso.kominfo.example";

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabaseFactory mongo;

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("issuer", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("ledger.security.jwt.public-key", () -> "file:" + pem);
        LedgerApiContract.testProperties(registry);
    }

    private static String token(KeyPair keys, String issuer, String subject, List<String> roles, Instant expires)
            throws Exception {
        return token(keys, issuer, subject, roles, expires, "smartcity-ledger");
    }

    private static String token(KeyPair keys, String issuer, String subject, List<String> roles, Instant expires,
                                String audience) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer(issuer).subject(subject).claim("roles", roles).issueTime(new Date())
                .expirationTime(expires == null ? null : Date.from(expires)).audience(audience).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private int post(String authorization) throws Exception {
        return send(authorization).statusCode();
    }

    private HttpResponse<String> send(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/regions/51.02/selections")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Commands.selection("Kab Tabanan", "REGENCY", 2022,
                        "2022-04-21")));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptsTokensOfTheIssuerWithTheRightRoleOnly() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        assertThat(post("Bearer " + token(KEYS, ISSUER, "reporter@kominfo", List.of("REPORTER"), later)))
                .isEqualTo(403);
        assertThat(post("Bearer " + token(KEYS, "https://elsewhere.example", "op", List.of("OPERATOR"), later)))
                .isEqualTo(401);
        assertThat(post("Bearer " + token(KEYS, ISSUER, "op", List.of("OPERATOR"), Instant.now().minusSeconds(600))))
                .isEqualTo(401);
        assertThat(post("Bearer " + token(OTHER_KEYS, ISSUER, "op", List.of("OPERATOR"), later))).isEqualTo(401);
        assertThat(post("Basic " + Base64.getEncoder().encodeToString("operator:secret".getBytes()))).isEqualTo(401);
        assertThat(post(null)).isEqualTo(401);
        assertThat(send(null).headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        assertThat(post("Bearer " + token(KEYS, ISSUER, "operator@kominfo", List.of("OPERATOR"), later)))
                .isEqualTo(201);
        assertThat(mongo.getMongoDatabase().getCollection("events").find(new org.bson.Document("aggregateId", "51.02"))
                .first().get("meta", org.bson.Document.class).getString("principal")).isEqualTo("operator@kominfo");
    }

    /** Issue 16, row 2 (and the token without {@code sub} of row 9): what the issuer signed is not enough. */
    @Test
    void refusesTokensForAnotherAudienceWithoutOrWithAFarExpiryOrWithoutSubject() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        assertThat(post("Bearer " + token(KEYS, ISSUER, "admin@other", List.of("ADMIN"), later, "payroll")))
                .as("made for another application").isEqualTo(401);
        assertThat(post("Bearer " + token(KEYS, ISSUER, "op", List.of("OPERATOR"), later, null)))
                .as("no audience").isEqualTo(401);
        assertThat(post("Bearer " + token(KEYS, ISSUER, "op", List.of("OPERATOR"), null))).as("no exp")
                .isEqualTo(401);
        assertThat(post("Bearer " + token(KEYS, ISSUER, "op", List.of("OPERATOR"),
                Instant.parse("2200-01-01T00:00:00Z")))).as("exp in 2200").isEqualTo(401);
        assertThat(post("Bearer " + token(KEYS, ISSUER, null, List.of("OPERATOR"), later))).as("no sub")
                .isEqualTo(401);
        // The valid form of each: our audience, an hour at most, a subject.
        assertThat(post("Bearer " + token(KEYS, ISSUER, "op2@kominfo", List.of("OPERATOR"),
                Instant.now().plusSeconds(3000)))).isIn(201, 409);
    }

    /**
     * Issue 16, row 12: keys were kept as {@code subject + "/" + key}, so subject {@code alice/x} with key {@code k1}
     * got the answer {@code alice} had with key {@code x/k1}, and her own command was never run.
     */
    @Test
    void oneSubjectsKeyNeverAnswersAnother() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        String alice = "Bearer " + token(KEYS, ISSUER, "alice", List.of("OPERATOR"), later);
        String aliceX = "Bearer " + token(KEYS, ISSUER, "alice/x", List.of("OPERATOR"), later);
        String path = "/api/regions/52.71/selections";
        String body = Commands.selection("Kota Mataram", "CITY", 2022, "2022-04-21");

        HttpResponse<String> first = send(alice, path, body, "x/k1");
        HttpResponse<String> other = send(aliceX, path, body, "k1");

        assertThat(first.statusCode()).isEqualTo(201);
        // Her own request, run as hers: the region was selected already (by alice), not alice's answer replayed.
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
        // The valid form: each subject's retry with its own key gets its own answer.
        HttpResponse<String> retried = send(alice, path, body, "x/k1");
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retried.body()).isEqualTo(first.body());
        HttpResponse<String> own = send(aliceX, "/api/regions/52.01/selections",
                Commands.selection("Kabupaten Lombok Barat", "REGENCY", 2022, "2022-04-21"), "k1");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(send(aliceX, "/api/regions/52.01/selections",
                Commands.selection("Kabupaten Lombok Barat", "REGENCY", 2022, "2022-04-21"), "k1").body())
                .isEqualTo(own.body());
    }

    private HttpResponse<String> send(String authorization, String path, String body, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
