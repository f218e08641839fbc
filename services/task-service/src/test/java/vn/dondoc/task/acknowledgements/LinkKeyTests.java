package vn.dondoc.task.acknowledgements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import vn.dondoc.events.links.AckToken;
import vn.dondoc.events.links.AckToken.Purpose;
import vn.dondoc.events.links.AckTokens;
import vn.dondoc.events.links.InvalidAckToken;

class LinkKeyTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void refusesToStartWithoutAPublicKeyOutsideTheLocalProfile() {
        assertThatThrownBy(() -> new LinkKey(properties(null, null), new MockEnvironment(), CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DONDOC_LINKS_PUBLIC_KEY_FILE").hasMessageContaining("Chưa cấu hình khóa công khai");
    }

    @Test
    void startsInTheLocalProfileWithoutAKeyButRefusesEveryLink() {
        var local = new MockEnvironment();
        local.setActiveProfiles("local");
        var key = new LinkKey(properties(null, null), local, CLOCK);

        var token = AckTokens.sign(new AckToken("T-1", "NVY", Purpose.ACK, 1, Instant.parse("2026-12-01T00:00:00Z")),
                AckTokens.generateKeyPair().getPrivate());
        assertThatThrownBy(() -> key.verify(token)).isInstanceOfSatisfying(InvalidAckToken.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidAckToken.Reason.BAD_SIGNATURE));
    }

    @Test
    void readsThePublicKeyFromAPemFile(@TempDir Path folder) throws Exception {
        var pair = AckTokens.generateKeyPair();
        Path file = Files.writeString(folder.resolve("links-public.pem"), AckTokens.pem(pair.getPublic()));
        var key = new LinkKey(properties(file.toString(), null), new MockEnvironment(), CLOCK);

        var token = new AckToken("T-1", "NVY", Purpose.REPORT, 2, Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(key.verify(AckTokens.sign(token, pair.getPrivate()))).isEqualTo(token);
    }

    @Test
    void believesForwardedAddressesOnlyFromTrustedProxies() {
        var addresses = new ClientAddress(new LinkProperties(null, null, List.of("10.0.0.1"),
                new LinkProperties.Flood(30, 30)));
        var direct = new MockHttpServletRequest();
        direct.setRemoteAddr("203.0.113.7");
        direct.addHeader("X-Forwarded-For", "198.51.100.1");
        assertThat(addresses.of(direct)).isEqualTo("203.0.113.7");

        var proxied = new MockHttpServletRequest();
        proxied.setRemoteAddr("10.0.0.1");
        proxied.addHeader("X-Forwarded-For", "1.2.3.4, 198.51.100.9, 10.0.0.1");
        assertThat(addresses.of(proxied)).isEqualTo("198.51.100.9");
    }

    @Test
    void floodRefillsOverTime() {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(CLOCK.instant());
        var moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get();
            }
        };
        var flood = new Flood(new LinkProperties(null, null, List.of(), new LinkProperties.Flood(3, 60)), moving);

        assertThat(List.of(flood.allows("a"), flood.allows("a"), flood.allows("a"), flood.allows("a")))
                .containsExactly(true, true, true, false);
        assertThat(flood.allows("b")).isTrue();
        clock.set(clock.get().plusSeconds(1));
        assertThat(flood.allows("a")).isTrue();
        assertThat(flood.allows("a")).isFalse();
    }

    private static LinkProperties properties(String file, String inline) {
        return new LinkProperties(file, inline, List.of(), new LinkProperties.Flood(30, 30));
    }
}
