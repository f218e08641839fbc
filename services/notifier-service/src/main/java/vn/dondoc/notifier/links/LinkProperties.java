package vn.dondoc.notifier.links;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl  where the task service's acknowledgement pages are reached from outside
 * @param privateKeyFile the Ed25519 private key (PKCS#8 PEM) the links are signed with; the task service holds
 *                       the public half
 * @param privateKey     the same key inline, as PEM text (e.g. from a secret in the environment)
 * @param validity       how long a link works after the task's due date (after sending when there is none)
 */
@ConfigurationProperties("dondoc.links")
record LinkProperties(@DefaultValue("http://localhost:8081") URI publicBaseUrl, String privateKeyFile,
                      String privateKey, @DefaultValue("30d") Duration validity) {
}
