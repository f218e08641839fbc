package vn.dondoc.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the admin password that arrives in plain text through the environment ({@code DONDOC_ADMIN_PASSWORD}).
 * A deliberately slow hash (bcrypt) protects stored user passwords from offline guessing; here nothing is stored,
 * the plain text is in the environment anyway, and bcrypt would cost every API call ~100 ms of CPU. So: SHA-256 and
 * a constant-time comparison. Guessing online is the rate limiter's and the password's length's business.
 */
final class ConfiguredPasswordEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence raw) {
        return Base64.getEncoder().encodeToString(sha256(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        return raw != null && encoded != null && MessageDigest.isEqual(sha256(raw), Base64.getDecoder().decode(encoded));
    }

    private static byte[] sha256(CharSequence raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
