package vn.dondoc.task.acknowledgements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.dondoc.events.links.AckToken;
import vn.dondoc.events.links.AckTokens;
import vn.dondoc.events.links.InvalidAckToken;

/**
 * Verifies link tokens with the notifier's public key. Without a key the links cannot work, so the service refuses
 * to start, except in the {@code local} profile, where it warns and every link is refused.
 */
@Component
class LinkKey {

    static final String MISSING_KEY = "Chưa cấu hình khóa công khai để kiểm tra liên kết xác nhận: hãy đặt "
            + "DONDOC_LINKS_PUBLIC_KEY_FILE (thuộc tính dondoc.links.public-key-file, tệp PEM X.509 Ed25519) hoặc "
            + "DONDOC_LINKS_PUBLIC_KEY (dondoc.links.public-key). No public key to verify acknowledgement links: set "
            + "DONDOC_LINKS_PUBLIC_KEY_FILE (dondoc.links.public-key-file, an Ed25519 X.509 PEM file) or "
            + "DONDOC_LINKS_PUBLIC_KEY (dondoc.links.public-key); only the 'local' profile starts without one.";

    private static final Logger log = LoggerFactory.getLogger(LinkKey.class);

    private final PublicKey key;
    private final Clock clock;

    LinkKey(LinkProperties properties, Environment environment, Clock clock) {
        this.clock = clock;
        this.key = load(properties, environment);
    }

    AckToken verify(String token) throws InvalidAckToken {
        return AckTokens.verify(token, key, clock);
    }

    private static PublicKey load(LinkProperties properties, Environment environment) {
        if (present(properties.publicKeyFile())) {
            try {
                return AckTokens.publicKeyFromPem(Files.readString(Path.of(properties.publicKeyFile())));
            } catch (IOException e) {
                throw new UncheckedIOException("Không đọc được khóa công khai / cannot read dondoc.links.public-key-file="
                        + properties.publicKeyFile(), e);
            }
        }
        if (present(properties.publicKey())) {
            return AckTokens.publicKeyFromPem(properties.publicKey());
        }
        if (!environment.matchesProfiles("local")) {
            throw new IllegalStateException(MISSING_KEY);
        }
        log.warn("No public key for acknowledgement links (dondoc.links.public-key-file): every link will be refused");
        return AckTokens.generateKeyPair().getPublic();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
