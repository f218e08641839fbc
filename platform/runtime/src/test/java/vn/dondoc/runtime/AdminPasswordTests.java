package vn.dondoc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class AdminPasswordTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WithAdminProperties.class);

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
            assertThat(started.getBean(AdminProperties.class).username()).isEqualTo("admin");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdminProperties.class)
    static class WithAdminProperties {
    }
}
