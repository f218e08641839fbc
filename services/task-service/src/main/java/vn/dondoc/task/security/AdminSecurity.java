package vn.dondoc.task.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The admin API behind a login; health, metrics and the acknowledgement links (which carry their own signed token)
 * are public. The API answers 401 with a Basic challenge instead of redirecting to the form, so scripts see what
 * went wrong. CSRF is off only for {@code /api/**}: it is called with Basic credentials, which a browser does not
 * send cross-site on its own; the forms (login, acknowledgement pages) keep it.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    static final String REALM = "Don doc";

    @Bean
    SecurityFilterChain admin(HttpSecurity http) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        var challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName(REALM);
        challenge.afterPropertiesSet();
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/ack/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(api))
                .formLogin(form -> form.permitAll())
                .httpBasic(basic -> basic.realmName(REALM))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(challenge, api));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService adminAccount(AdminProperties properties, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(User.withUsername(properties.username())
                .password(encoder.encode(properties.password()))
                .roles("ADMIN")
                .build());
    }
}
