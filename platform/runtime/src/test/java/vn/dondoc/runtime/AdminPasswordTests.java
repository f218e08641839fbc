package vn.dondoc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetailsService;

class AdminPasswordTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AdminAccountAutoConfiguration.class));

    @Test
    void refusesToStartWithoutAnAdminPassword() {
        context.run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("DONDOC_ADMIN_PASSWORD");
        });
    }

    @Test
    void refusesABlankAdminPassword() {
        context.withPropertyValues("dondoc.admin.password=  ").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void startsWithAConfiguredPassword() {
        context.withPropertyValues("dondoc.admin.password=s3cret").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(UserDetailsService.class).loadUserByUsername("admin").getAuthorities())
                    .extracting(Object::toString).containsExactly("ROLE_ADMIN");
        });
    }

    @Test
    void checksThePasswordExactly() {
        var encoder = new ConfiguredPasswordEncoder();
        String stored = encoder.encode("mật khẩu dài");

        assertThat(encoder.matches("mật khẩu dài", stored)).isTrue();
        assertThat(encoder.matches("mật khẩu dai", stored)).isFalse();
        assertThat(encoder.matches("", stored)).isFalse();
        assertThat(encoder.matches(null, stored)).isFalse();
        assertThat(stored).doesNotContain("mật");
    }

    @Test
    void startsWithoutAPasswordWhenAdminsSignInThroughOidc() {
        context.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.soyte.local")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
