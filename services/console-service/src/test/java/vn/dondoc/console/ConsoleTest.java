package vn.dondoc.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import vn.dondoc.testing.Infrastructure;

/**
 * The one configuration of every full-stack console test, so that they share one application context: two contexts
 * would be two consumers of the same group, each seeing only some partitions. Like {@code @RealInfrastructure} it
 * points the console at the shared infrastructure (a database of its own); in addition the local-stack pages are on
 * and read the shared GreenMail over IMAP. ({@code @RealInfrastructure} cannot be combined with another initializer:
 * only one {@code @ContextConfiguration} of a class counts.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dondoc.admin.password=" + ConsoleTest.PASSWORD, "dondoc.console.local-tools=true"})
@ContextConfiguration(initializers = ConsoleTest.SharedInfrastructure.class)
public @interface ConsoleTest {

    String PASSWORD = "mat-khau-thu";

    final class SharedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Infrastructure infrastructure = Infrastructure.shared();
            TestPropertyValues.of(infrastructure.springProperties())
                    .and("spring.mongodb.database=test-console-" + UUID.randomUUID().toString().substring(0, 8),
                            "dondoc.console.imap.host=127.0.0.1",
                            "dondoc.console.imap.port=" + infrastructure.imapPort())
                    .applyTo(context);
        }
    }
}
