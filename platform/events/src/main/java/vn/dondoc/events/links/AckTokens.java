package vn.dondoc.events.links;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.dondoc.events.links.AckToken.Purpose;
import vn.dondoc.events.links.InvalidAckToken.Reason;

/**
 * Signs and verifies acknowledgement tokens: Ed25519 over a compact binary payload, written as base64url without
 * padding, about 116 characters for a task id of the task service, so a whole link fits an SMS.
 *
 * <pre>
 * byte  0      version, 1
 * byte  1      bits 0-1 purpose (0 ACK, 1 REPORT); bits 2-3 task id form; bits 4-7 zero
 *              form 0: length byte (1..64) + the id's bytes (ASCII)
 *              form 1: a UUID (lower-case canonical text), 16 bytes big-endian
 *              form 2: a task-service id "T-" + 18 Crockford base-32 characters, 12 bytes: the 90-bit number
 *                      big-endian (the top 6 bits zero)
 * then         unit: length byte (1..128) + UTF-8 bytes
 * then         cycle: unsigned LEB128 varint (at most 5 bytes, at most 2^31-1)
 * then         expiry: 4 bytes big-endian unsigned, minutes since 1970-01-01T00:00Z
 * last 64      Ed25519 signature (RFC 8032, pure) over every byte before it
 * </pre>
 * Verification refuses anything longer than {@link #MAX_LENGTH} characters before decoding, parses the layout
 * strictly (the signature must be exactly the 64 bytes left), then checks the signature, then the expiry
 * (expired when now &ge; expiry).
 */
public final class AckTokens {

    public static final int VERSION = 1;
    /** Longer than the largest token the layout allows (about 360 characters); anything longer is refused unread. */
    public static final int MAX_LENGTH = 400;
    static final int SIGNATURE_LENGTH = 64;
    private static final String ALGORITHM = "Ed25519";
    private static final int MAX_TASK_ID = 64;
    private static final int MAX_UNIT = 128;
    private static final int FORM_TEXT = 0;
    private static final int FORM_UUID = 1;
    private static final int FORM_DONDOC = 2;
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern DONDOC_ID = Pattern.compile("T-[0-9A-HJKMNP-TV-Z]{18}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    private AckTokens() {
    }

    public static String sign(AckToken token, PrivateKey key) {
        var payload = payload(token);
        var signed = Arrays.copyOf(payload, payload.length + SIGNATURE_LENGTH);
        RawEd25519.sign(key, payload, payload.length, signed, payload.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /**
     * @throws InvalidAckToken when the token is oversized, malformed, not signed by the holder of {@code key}'s
     *                         private key, or expired by {@code clock}
     */
    public static AckToken verify(String token, PublicKey key, Clock clock) throws InvalidAckToken {
        if (token == null || token.isEmpty()) {
            throw new InvalidAckToken(Reason.MALFORMED, "empty");
        }
        if (token.length() > MAX_LENGTH) {
            throw new InvalidAckToken(Reason.OVERSIZED, token.length() + " characters");
        }
        if (!BASE64URL.matcher(token).matches()) {
            throw new InvalidAckToken(Reason.MALFORMED, "not base64url");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidAckToken(Reason.MALFORMED, "not base64url");
        }
        var reader = new Reader(bytes);
        var parsed = reader.token();
        if (reader.remaining() != SIGNATURE_LENGTH) {
            throw new InvalidAckToken(Reason.MALFORMED, "signature of " + reader.remaining() + " bytes");
        }
        var signed = reader.position();
        if (!RawEd25519.verify(key, bytes, signed, bytes, signed)) {
            throw new InvalidAckToken(Reason.BAD_SIGNATURE, "task " + parsed.taskId() + ", unit " + parsed.unit());
        }
        if (!clock.instant().isBefore(parsed.expiresAt())) {
            throw new InvalidAckToken(Reason.EXPIRED, "expired at " + parsed.expiresAt());
        }
        return parsed;
    }

    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /** A PKCS#8 {@code PRIVATE KEY} PEM (as {@code openssl genpkey -algorithm ed25519} writes). */
    public static PrivateKey privateKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key in PKCS#8 PEM", e);
        }
    }

    /** An X.509 {@code PUBLIC KEY} PEM (as {@code openssl pkey -pubout} writes). */
    public static PublicKey publicKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key in X.509 PEM", e);
        }
    }

    /** {@code PRIVATE KEY} (PKCS#8) or {@code PUBLIC KEY} (X.509) PEM text of a key, e.g. to keep a generated pair. */
    public static String pem(Key key) {
        var label = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] pemBody(String pem, String label) {
        if (pem == null) {
            throw new IllegalArgumentException("No PEM text");
        }
        var begin = "-----BEGIN " + label + "-----";
        var end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Not a " + label + " PEM");
        }
        var body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static byte[] payload(AckToken token) {
        var out = new ByteArrayOutputStream(32);
        out.write(VERSION);
        var taskId = token.taskId();
        int form = DONDOC_ID.matcher(taskId).matches() ? FORM_DONDOC
                : UUID_TEXT.matcher(taskId).matches() ? FORM_UUID : FORM_TEXT;
        out.write(token.purpose().ordinal() | form << 2);
        switch (form) {
            case FORM_DONDOC -> out.writeBytes(dondocId(taskId));
            case FORM_UUID -> {
                var uuid = UUID.fromString(taskId);
                out.writeBytes(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits()).array());
            }
            default -> {
                if (!taskId.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                    throw new IllegalArgumentException("Task id is not printable ASCII: " + taskId);
                }
                writeText(out, taskId.getBytes(StandardCharsets.US_ASCII), MAX_TASK_ID, "task id");
            }
        }
        writeText(out, token.unit().getBytes(StandardCharsets.UTF_8), MAX_UNIT, "unit");
        for (int cycle = token.cycle(); ; cycle >>>= 7) {
            if ((cycle & ~0x7F) == 0) {
                out.write(cycle);
                break;
            }
            out.write((cycle & 0x7F) | 0x80);
        }
        var minutes = Math.floorDiv(token.expiresAt().getEpochSecond(), 60);
        if (minutes < 0 || minutes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Expiry out of range: " + token.expiresAt());
        }
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) minutes).array());
        return out.toByteArray();
    }

    private static void writeText(ByteArrayOutputStream out, byte[] bytes, int max, String what) {
        if (bytes.length == 0 || bytes.length > max) {
            throw new IllegalArgumentException("The " + what + " must have 1 to " + max + " bytes");
        }
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static byte[] dondocId(String taskId) {
        var number = BigInteger.ZERO;
        for (int i = 2; i < taskId.length(); i++) {
            number = number.shiftLeft(5).or(BigInteger.valueOf(CROCKFORD.indexOf(taskId.charAt(i))));
        }
        var bytes = number.toByteArray(); // at most 12 bytes (90 bits, sign bit included), possibly fewer
        var fixed = new byte[12];
        int length = Math.min(bytes.length, 12);
        System.arraycopy(bytes, bytes.length - length, fixed, 12 - length, length);
        return fixed;
    }

    private static String dondocId(byte[] bytes) throws InvalidAckToken {
        var number = new BigInteger(1, bytes);
        if (number.bitLength() > 90) {
            throw new InvalidAckToken(Reason.MALFORMED, "task id out of range");
        }
        var id = new char[18];
        for (int i = 17; i >= 0; i--) {
            id[i] = CROCKFORD.charAt(number.intValue() & 31);
            number = number.shiftRight(5);
        }
        return "T-" + new String(id);
    }

    /** Reads the payload strictly: every length and value is checked against what {@link #payload} can write. */
    private static final class Reader {

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        AckToken token() throws InvalidAckToken {
            if (next() != VERSION) {
                throw new InvalidAckToken(Reason.MALFORMED, "unknown version");
            }
            int header = next();
            if ((header & 0xF0) != 0 || (header & 3) >= Purpose.values().length) {
                throw new InvalidAckToken(Reason.MALFORMED, "bad header");
            }
            var purpose = Purpose.values()[header & 3];
            var taskId = switch ((header >> 2) & 3) {
                case FORM_DONDOC -> dondocId(take(12));
                case FORM_UUID -> {
                    var buffer = ByteBuffer.wrap(take(16));
                    yield new UUID(buffer.getLong(), buffer.getLong()).toString();
                }
                case FORM_TEXT -> {
                    var text = text(MAX_TASK_ID, StandardCharsets.US_ASCII);
                    if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                        throw new InvalidAckToken(Reason.MALFORMED, "task id");
                    }
                    yield text;
                }
                default -> throw new InvalidAckToken(Reason.MALFORMED, "bad task id form");
            };
            var unit = text(MAX_UNIT, StandardCharsets.UTF_8);
            long cycle = 0;
            for (int shift = 0; ; shift += 7) {
                if (shift > 28) {
                    throw new InvalidAckToken(Reason.MALFORMED, "cycle too long");
                }
                int b = next();
                cycle |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (cycle > Integer.MAX_VALUE) {
                throw new InvalidAckToken(Reason.MALFORMED, "cycle out of range");
            }
            var minutes = Integer.toUnsignedLong(ByteBuffer.wrap(take(4)).getInt());
            return new AckToken(taskId, unit, purpose, (int) cycle, Instant.ofEpochSecond(minutes * 60));
        }

        private String text(int max, java.nio.charset.Charset charset) throws InvalidAckToken {
            int length = next();
            if (length == 0 || length > max) {
                throw new InvalidAckToken(Reason.MALFORMED, "text of " + length + " bytes");
            }
            var decoder = charset.newDecoder();
            try {
                return decoder.decode(ByteBuffer.wrap(take(length))).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new InvalidAckToken(Reason.MALFORMED, "text encoding");
            }
        }

        private int next() throws InvalidAckToken {
            if (position >= bytes.length) {
                throw new InvalidAckToken(Reason.MALFORMED, "truncated");
            }
            return bytes[position++] & 0xFF;
        }

        private byte[] take(int count) throws InvalidAckToken {
            if (bytes.length - position < count) {
                throw new InvalidAckToken(Reason.MALFORMED, "truncated");
            }
            var taken = Arrays.copyOfRange(bytes, position, position + count);
            position += count;
            return taken;
        }

        int position() {
            return position;
        }

        int remaining() {
            return bytes.length - position;
        }
    }
}
