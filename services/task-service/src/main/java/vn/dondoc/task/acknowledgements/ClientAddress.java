package vn.dondoc.task.acknowledgements;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The address a request came from, for the rate limit and the audit trail. {@code X-Forwarded-For} is read only
 * when the connection comes from a configured proxy, and then from the right, skipping our own proxies: the
 * entries further left were written by the client and prove nothing.
 */
@Component
class ClientAddress {

    private final Set<String> trustedProxies;

    ClientAddress(LinkProperties properties) {
        this.trustedProxies = Set.copyOf(properties.trustedProxies());
    }

    String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!trustedProxies.contains(address)) {
            return address;
        }
        var forwarded = request.getHeaders("X-Forwarded-For");
        var hops = new java.util.ArrayList<String>();
        while (forwarded.hasMoreElements()) {
            for (String hop : forwarded.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return address;
    }
}
