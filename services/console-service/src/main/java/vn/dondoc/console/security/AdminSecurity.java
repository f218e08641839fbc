package vn.dondoc.console.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
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
 * Everything behind the admin login except health and metrics. People get the login form; the API answers 401
 * with a Basic challenge instead of redirecting, so scripts see what went wrong. CSRF stays on for the forms.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    static final String REALM = "Don doc console";

    @Bean
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        var api = new BasicAuthenticationEntryPoint();
        api.setRealmName(REALM);
        api.afterPropertiesSet();
        http.authorizeHttpRequests(requests -> requests
                        // the end of a live stream and error pages are dispatched again; the first dispatch was checked
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(basic -> basic.realmName(REALM))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(api, PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService admin(AdminProperties properties, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(User.withUsername(properties.username())
                .password(encoder.encode(properties.password()))
                .roles("ADMIN")
                .build());
    }
}
