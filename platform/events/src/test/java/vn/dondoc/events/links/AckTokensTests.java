package vn.dondoc.events.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.dondoc.events.links.AckToken.Purpose;
import vn.dondoc.events.links.InvalidAckToken.Reason;

class AckTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant EXPIRY = Instant.parse("2026-12-31T10:00:00Z");
    private static final java.security.KeyPair KEYS = AckTokens.generateKeyPair();

    @Test
    void readsBackWhatItSigned() throws Exception {
        var token = new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.ACK, 1, EXPIRY);

        var signed = AckTokens.sign(token, KEYS.getPrivate());

        assertThat(AckTokens.verify(signed, KEYS.getPublic(), CLOCK)).isEqualTo(token);
        assertThat(signed).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(120);
    }

    @Test
    void carriesEveryKindOfTaskIdAndUnitCode() throws Exception {
        for (var taskId : new String[] {UUID.randomUUID().toString(), "T-ZZZZZZZZZZZZZZZZZZ", "T-000000000000000000",
                "imported_9.1-a", UUID.randomUUID().toString().toUpperCase()}) {
            var token = new AckToken(taskId, "ĐẢNG-ỦY&1", Purpose.REPORT, 300_000, EXPIRY);
            var signed = AckTokens.sign(token, KEYS.getPrivate());
            assertThat(AckTokens.verify(signed, KEYS.getPublic(), CLOCK)).isEqualTo(token);
            assertThat(signed.length()).isLessThanOrEqualTo(AckTokens.MAX_LENGTH);
        }
    }

    @Test
    void staysShortEnoughForAnSmsWithTheIdsWeIssue() {
        for (var taskId : new String[] {"T-01KAT3Q8ZP4M7RX2K9", UUID.randomUUID().toString()}) {
            var signed = AckTokens.sign(new AckToken(taskId, "KHTC", Purpose.REPORT, 12, EXPIRY), KEYS.getPrivate());
            assertThat(signed.length()).isLessThanOrEqualTo(125);
        }
    }

    @Test
    void keepsTheExpiryToTheMinute() throws Exception {
        var token = new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.ACK, 1, EXPIRY.plusSeconds(59));

        var read = AckTokens.verify(AckTokens.sign(token, KEYS.getPrivate()), KEYS.getPublic(), CLOCK);

        assertThat(read.expiresAt()).isEqualTo(EXPIRY);
    }

    @Test
    void rejectsATokenWithAnyByteChanged() {
        var signed = AckTokens.sign(new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.ACK, 1, EXPIRY),
                KEYS.getPrivate());
        var bytes = Base64.getUrlDecoder().decode(signed);
        for (int i = 2; i < bytes.length; i++) {
            var tampered = bytes.clone();
            tampered[i] ^= 0x01;
            var text = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertThatThrownBy(() -> AckTokens.verify(text, KEYS.getPublic(), CLOCK))
                    .isInstanceOf(InvalidAckToken.class)
                    .extracting(e -> ((InvalidAckToken) e).reason()).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED);
        }
    }

    @Test
    void rejectsAnotherPurposeForgedFromAGenuineToken() {
        var signed = AckTokens.sign(new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.ACK, 1, EXPIRY),
                KEYS.getPrivate());
        var bytes = Base64.getUrlDecoder().decode(signed);
        bytes[1] |= 1; // ACK → REPORT
        var forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertReason(forged, Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsATokenSignedWithAnotherDeploymentsKey() {
        var other = AckTokens.generateKeyPair();
        var signed = AckTokens.sign(new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.ACK, 1, EXPIRY),
                other.getPrivate());

        assertReason(signed, Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsAnExpiredToken() {
        var signed = AckTokens.sign(new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.ACK, 1, NOW),
                KEYS.getPrivate());

        assertReason(signed, Reason.EXPIRED);
        assertThatCode(() -> AckTokens.verify(signed, KEYS.getPublic(), Clock.offset(CLOCK, Duration.ofSeconds(-1))))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsATruncatedToken() {
        var signed = AckTokens.sign(new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.ACK, 1, EXPIRY),
                KEYS.getPrivate());
        for (int length = 0; length < signed.length(); length++) {
            assertReason(signed.substring(0, length), Reason.MALFORMED);
        }
    }

    @Test
    void rejectsATokenWithSomethingAppended() {
        var signed = AckTokens.sign(new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.ACK, 1, EXPIRY),
                KEYS.getPrivate());

        assertReason(signed + "AAAA", Reason.MALFORMED);
    }

    @Test
    void refusesAnOversizedTokenBeforeReadingIt() {
        assertReason("A".repeat(AckTokens.MAX_LENGTH + 1), Reason.OVERSIZED);
        assertReason("%".repeat(1_000_000), Reason.OVERSIZED);
    }

    @Test
    void rejectsGarbage() {
        for (var garbage : new String[] {"", "abc", "not a token", "../../etc/passwd", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "=====", "ű", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[90])}) {
            assertReason(garbage, Reason.MALFORMED);
        }
    }

    @Test
    void signsTheSameBytesAsTheJdksEd25519SoEarlierLinksStayValid() throws Exception {
        var token = new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.REPORT, 7, EXPIRY);
        var signed = Base64.getUrlDecoder().decode(AckTokens.sign(token, KEYS.getPrivate()));
        var payload = java.util.Arrays.copyOf(signed, signed.length - AckTokens.SIGNATURE_LENGTH);

        var jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(KEYS.getPrivate());
        jdk.update(payload);
        var jdkSigned = java.util.Arrays.copyOf(payload, signed.length);
        System.arraycopy(jdk.sign(), 0, jdkSigned, payload.length, AckTokens.SIGNATURE_LENGTH);

        assertThat(signed).isEqualTo(jdkSigned);
        assertThat(AckTokens.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(jdkSigned),
                KEYS.getPublic(), CLOCK)).isEqualTo(token);
    }

    @Test
    void refusesKeysThatAreNotEd25519() throws Exception {
        var rsa = java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair();
        var token = new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.ACK, 1, EXPIRY);

        assertThatThrownBy(() -> AckTokens.sign(token, rsa.getPrivate())).isInstanceOf(IllegalArgumentException.class);
        var signed = AckTokens.sign(token, KEYS.getPrivate());
        assertThatThrownBy(() -> AckTokens.verify(signed, rsa.getPublic(), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadsKeysFromPem() throws Exception {
        var privateKey = AckTokens.privateKeyFromPem(AckTokens.pem(KEYS.getPrivate()));
        var publicKey = AckTokens.publicKeyFromPem(AckTokens.pem(KEYS.getPublic()));
        var token = new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY", Purpose.REPORT, 2, EXPIRY);

        assertThat(AckTokens.verify(AckTokens.sign(token, privateKey), publicKey, CLOCK)).isEqualTo(token);
        assertThat(AckTokens.pem(KEYS.getPublic())).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    private static void assertReason(String token, Reason reason) {
        assertThatThrownBy(() -> AckTokens.verify(token, KEYS.getPublic(), CLOCK))
                .isInstanceOf(InvalidAckToken.class)
                .extracting(e -> ((InvalidAckToken) e).reason()).isEqualTo(reason);
    }
}
