package vn.dondoc.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a Spring application at the shared infrastructure, with a MongoDB database of its own. */
final class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (Infrastructure.containersRequested() && !org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
            return; // the class is skipped; see InfrastructureExtension
        }
        Map<String, Object> properties = new HashMap<>(Infrastructure.shared().springProperties());
        properties.put("spring.mongodb.database", "test-" + UUID.randomUUID().toString().substring(0, 8));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("real-infrastructure", properties));
    }
}
