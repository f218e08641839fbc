package vn.dondoc.task.acknowledgements;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The link pages are public (the signed token is the credential) but keep Spring Security's CSRF protection, for
 * anonymous sessions too: only the page's own form can answer. The headers forbid every script, so whatever a
 * mail scanner's browser runs, nothing on the page can submit the form, and the token in the address is not sent
 * on as a referrer.
 */
@Configuration(proxyBeanMethods = false)
class LinkSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain acknowledgementLinks(HttpSecurity http, RefusalPages refusals) throws Exception {
        return http.securityMatcher("/ack/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(refusals))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
