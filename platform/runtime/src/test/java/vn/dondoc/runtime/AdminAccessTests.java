package vn.dondoc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organisation that signs its admins in through OIDC needs no admin password; its tokens open the API. */
@SpringBootTest(classes = AdminAccessTests.AdminApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminAccessTests {

    private static final KeyPair PROVIDER = rsa();
    private static final KeyPair IMPOSTOR = rsa();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void oidcProvider(DynamicPropertyRegistry registry) throws Exception {
        Path key = Files.createTempFile("oidc-provider", ".pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
    }

    @Test
    void startsWithoutAPasswordAndAcceptsTheProvidersTokens() throws Exception {
        assertThat(get("/api/ping", "Bearer " + token(PROVIDER))).isEqualTo(200);
    }

    @Test
    void refusesTokensSignedByAnyoneElse() throws Exception {
        assertThat(get("/api/ping", "Bearer " + token(IMPOSTOR))).isEqualTo(401);
        assertThat(get("/api/ping", null)).isEqualTo(401);
    }

    @Test
    void hasNoPasswordAccountToGuess() throws Exception {
        String basic = Base64.getEncoder().encodeToString("admin:admin".getBytes());
        assertThat(get("/api/ping", "Basic " + basic)).isEqualTo(401);
    }

    @Test
    void keepsHealthPublic() throws Exception {
        assertThat(get("/actuator/health", null)).isNotEqualTo(401);
    }

    private int get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), BodyHandlers.discarding()).statusCode();
    }

    private static String token(KeyPair signer) throws Exception {
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("chanh.vanphong@soyte.local")
                .issuer("https://sso.soyte.local")
                .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @RestController
    static class AdminApi {

        @Bean
        SecurityFilterChain admin(HttpSecurity http) throws Exception {
            return AdminAccess.apply(http, "test").build();
        }

        @GetMapping("/api/ping")
        String ping() {
            return "pong";
        }
    }
}
