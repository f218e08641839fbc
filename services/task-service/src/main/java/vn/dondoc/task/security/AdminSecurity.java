package vn.dondoc.task.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import vn.dondoc.runtime.AdminAccess;

/**
 * The admin API behind the login (the shared rules of {@link AdminAccess}); the acknowledgement links carry their
 * own signed token and stay public.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    static final String REALM = "Don doc";

    @Bean
    SecurityFilterChain admin(HttpSecurity http) throws Exception {
        AdminAccess.apply(http, REALM, "/ack/**").formLogin(form -> form.permitAll());
        return http.build();
    }

    /**
     * No observation of every security filter, authentication and authorization of every request: they were
     * ≈ 15 % of the request threads' CPU in the creation benchmark (issue 3), for spans nobody reads. Each request is still
     * measured as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
