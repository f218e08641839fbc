package vn.dondoc.task.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dondoc.task.Api;
import vn.dondoc.testing.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dondoc.admin.password=" + Api.PASSWORD, "dondoc.units.starter-on-start=with-example-contacts"})
@RealInfrastructure
class StarterOnStartTests {

    @LocalServerPort
    int port;

    @Test
    void loadsTheStarterDirectoryWithExampleAddressesWhenTheServiceStarts() {
        var api = Api.asAdmin(port);

        var nvy = api.get("/api/units/NVY");
        assertThat(nvy.status()).isEqualTo(200);
        assertThat(nvy.json().get("name").asString()).isEqualTo("Phòng Nghiệp vụ Y");
        assertThat(nvy.json().get("emails").get(0).asString()).isEqualTo("nvy@soyte.local");
        assertThat(nvy.json().get("supervisor").asString()).isEqualTo("BGD");
        assertThat(api.get("/api/units/resolve?phrase=Chi%20c%E1%BB%A5c%20DS%26TE").body()).contains("DS&TE");
    }
}
