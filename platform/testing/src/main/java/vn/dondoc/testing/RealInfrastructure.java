package vn.dondoc.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a test class against the shared real infrastructure. On a Spring test it also points the application at
 * it (Kafka, MongoDB with a database of its own, SMTP, SMS simulator). With {@code -Dinfra=containers} the class
 * is skipped where Docker is absent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface RealInfrastructure {
}
