package vn.dondoc.task.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminPropertiesTests {

    @Test
    void refusesToStartWithoutAnAdminPassword() {
        assertThatThrownBy(() -> new AdminProperties("admin", " "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DONDOC_ADMIN_PASSWORD");
    }
}
