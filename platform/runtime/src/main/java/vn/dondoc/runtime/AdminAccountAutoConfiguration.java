package vn.dondoc.runtime;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The admin account, in every service that has Spring Security. Startup fails when there is neither a password
 * nor an OIDC provider to sign admins in.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConditionalOnClass(UserDetailsService.class)
@EnableConfigurationProperties(AdminProperties.class)
public class AdminAccountAutoConfiguration {

    /** Any of these makes Spring Boot configure a JWT decoder, i.e. admins sign in with their organisation's tokens. */
    private static final String[] OIDC_SETTINGS = {"spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.public-key-location"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return new ConfiguredPasswordEncoder();
    }

    @Bean
    UserDetailsService adminAccount(AdminProperties properties, PasswordEncoder encoder, Environment environment) {
        if (!properties.hasPassword()) {
            if (!oidcConfigured(environment)) {
                throw new IllegalStateException(AdminProperties.MISSING_PASSWORD);
            }
            return new InMemoryUserDetailsManager(); // tokens only: no password anyone could guess
        }
        return new InMemoryUserDetailsManager(User.withUsername(properties.username())
                .password(encoder.encode(properties.password()))
                .roles("ADMIN")
                .build());
    }

    static boolean oidcConfigured(Environment environment) {
        for (String setting : OIDC_SETTINGS) {
            if (environment.containsProperty(setting) && !environment.getProperty(setting, "").isBlank()) {
                return true;
            }
        }
        return false;
    }
}
