package vn.dondoc.task;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Replaces Boot's MongoDB health check (by its bean name), which sends {@code hello}: the MongoDB-wire server of
 * the local stack does not know that command and the service would report DOWN. {@code ping} works on both.
 */
@Component("mongoHealthIndicator")
class MongoHealth implements HealthIndicator {

    private final MongoTemplate mongo;

    MongoHealth(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        mongo.executeCommand(new Document("ping", 1));
        return Health.up().withDetail("database", mongo.getDb().getName()).build();
    }
}
