package vn.dondoc.task;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the admin API ({@code /v3/api-docs}) and its Swagger UI ({@code /swagger-ui.html}),
 * behind the same admin login as the API itself.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    @Bean
    OpenAPI taskServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Đôn đốc — task-service")
                .version("1")
                .description("Danh bạ đơn vị, nhiệm vụ, hạn hoàn thành bằng lời, nhập bảng kế hoạch. "
                        + "Lỗi trả về theo RFC 9457 (problem details) với thông báo tiếng Việt (detail, message) "
                        + "và tiếng Anh (detailEn, messageEn)."));
    }
}
