package vn.dondoc.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one admin account of the console and the task API. The password has no default here: only the {@code local}
 * profile supplies one, so a deployment that forgets {@code DONDOC_ADMIN_PASSWORD} does not start with a
 * guessable password — unless admins sign in through an OIDC provider instead (see {@link AdminAccess}).
 *
 * @param password from {@code DONDOC_ADMIN_PASSWORD}
 */
@ConfigurationProperties("dondoc.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password) {

    static final String MISSING_PASSWORD = "Chưa đặt mật khẩu quản trị: hãy đặt biến môi trường DONDOC_ADMIN_PASSWORD "
            + "(thuộc tính dondoc.admin.password) hoặc cấu hình OIDC (spring.security.oauth2.resourceserver.jwt."
            + "issuer-uri); chỉ profile 'local' có mật khẩu mặc định. "
            + "No admin password configured: set DONDOC_ADMIN_PASSWORD (property dondoc.admin.password) or an OIDC "
            + "issuer (spring.security.oauth2.resourceserver.jwt.issuer-uri); only the 'local' profile has a default.";

    boolean hasPassword() {
        return password != null && !password.isBlank();
    }
}
