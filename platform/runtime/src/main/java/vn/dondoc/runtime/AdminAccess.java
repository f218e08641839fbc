package vn.dondoc.runtime;

import jakarta.servlet.DispatcherType;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.Customizer;
import org.springframework.util.ClassUtils;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The rules every admin-facing service shares: health and metrics are public; people get a login form, while
 * {@code /api/**} answers 401 with a Basic challenge instead of redirecting, so scripts see what went wrong. CSRF is
 * off only for {@code /api/**}: it is called with Basic credentials, which a browser does not send cross-site on
 * its own; every form keeps CSRF. Where an OIDC provider is configured, {@code /api/**} also takes its bearer
 * tokens (any token that provider signs for this audience is an admin's). A service adds its own public paths and
 * login page on top.
 */
public final class AdminAccess {

    private static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.JwtDecoder";

    private AdminAccess() {
    }

    public static HttpSecurity apply(HttpSecurity http, String realm, String... publicPaths) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        var challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName(realm);
        challenge.afterPropertiesSet();
        if (tokensAccepted(http)) {
            http.oauth2ResourceServer(tokens -> tokens.jwt(Customizer.withDefaults()));
        }
        return http.authorizeHttpRequests(requests -> requests
                        // error pages and the end of a live stream are dispatched again; the first dispatch was checked
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers(publicPaths).permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(api))
                .httpBasic(basic -> basic.realmName(realm))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(challenge, api));
    }

    private static boolean tokensAccepted(HttpSecurity http) {
        var context = http.getSharedObject(ApplicationContext.class);
        return ClassUtils.isPresent(JWT_DECODER, AdminAccess.class.getClassLoader())
                && context.getBeanNamesForType(ClassUtils.resolveClassName(JWT_DECODER, AdminAccess.class.getClassLoader())).length > 0;
    }
}
