package vn.dondoc.console.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import vn.dondoc.runtime.AdminAccess;

/** Everything behind the admin login (the shared rules of {@link AdminAccess}), with the console's own login page. */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    static final String REALM = "Don doc console";

    @Bean
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        AdminAccess.apply(http, REALM)
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }
}
