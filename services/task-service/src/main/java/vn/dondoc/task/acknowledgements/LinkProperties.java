package vn.dondoc.task.acknowledgements;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicKeyFile  the Ed25519 public key (X.509 PEM) whose private half the notifier signs links with
 * @param publicKey      the same key inline, as PEM text
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} names the real client; from any
 *                       other address the header is ignored, since anyone can send it
 * @param flood          how many requests one client address may make to the pages
 */
@ConfigurationProperties("dondoc.links")
record LinkProperties(String publicKeyFile, String publicKey, @DefaultValue List<String> trustedProxies,
                      @DefaultValue Flood flood) {

    /**
     * A token bucket per client address.
     *
     * @param burst     requests allowed at once
     * @param perMinute requests the bucket regains per minute
     */
    record Flood(@DefaultValue("30") int burst, @DefaultValue("30") int perMinute) {

        Duration refillEvery() {
            return Duration.ofMinutes(1).dividedBy(Math.max(perMinute, 1));
        }
    }
}
