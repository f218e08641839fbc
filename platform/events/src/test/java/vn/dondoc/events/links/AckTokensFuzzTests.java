package vn.dondoc.events.links;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzing of the link-token decoder (issue 8) with jqwik: a token is whatever a browser sends in the link's path, so
 * any string must be refused with {@link InvalidAckToken} (the pages turn it into a friendly 403), never with another
 * exception, and no change to a signed token, however small, may be accepted.
 */
class AckTokensFuzzTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);
    private static final KeyPair KEYS = AckTokens.generateKeyPair();
    private static final String SIGNED = AckTokens.sign(new AckToken("T-01KAT3Q8ZP4M7RX2K9", "NVY",
            AckToken.Purpose.ACK, 1, Instant.parse("2026-12-31T10:00:00Z")), KEYS.getPrivate());

    @Property(tries = 5_000)
    void refusesAnyStringWithInvalidAckToken(@ForAll("tokenLike") String token) {
        assertThatThrownBy(() -> AckTokens.verify(token, KEYS.getPublic(), CLOCK)).isInstanceOf(InvalidAckToken.class);
    }

    @Property(tries = 3_000)
    void refusesEveryAlteredToken(@ForAll @IntRange(max = 400) int at, @ForAll("base64url") char replacement,
                                  @ForAll @IntRange(min = 0, max = 2) int how) {
        int position = at % SIGNED.length();
        String altered = switch (how) {
            case 0 -> SIGNED.substring(0, position) + replacement + SIGNED.substring(position + 1);
            case 1 -> SIGNED.substring(0, position) + SIGNED.substring(position + 1);
            default -> SIGNED.substring(0, position) + replacement + SIGNED.substring(position);
        };
        Assume.that(!altered.equals(SIGNED));

        assertThatThrownBy(() -> AckTokens.verify(altered, KEYS.getPublic(), CLOCK))
                .as(altered).isInstanceOf(InvalidAckToken.class);
    }

    @Provide
    Arbitrary<String> tokenLike() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(1_000),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.+/")
                        .ofMaxLength(AckTokens.MAX_LENGTH + 10));
    }

    @Provide
    Arbitrary<Character> base64url() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    }
}
