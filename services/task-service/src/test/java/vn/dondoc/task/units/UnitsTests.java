package vn.dondoc.task.units;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.dondoc.testing.Infrastructure;

/** The active codes remembered for assignments, against the real MongoDB-wire server. */
class UnitsTests {

    private static final com.mongodb.client.MongoClient CLIENT =
            MongoClients.create(Infrastructure.shared().mongoUri());
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "units-tests-" + UUID.randomUUID());
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-25T02:00:00Z"));
    private final Units units = new Units(mongo, null, clock);

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void findsUnknownAndInactiveCodesInTheOrderGiven() {
        store("NVY", true);
        store("KHTC", false);

        assertThat(units.unknownAmong(List.of(UnitCode.of("KHONGCO"), UnitCode.of("NVY"), UnitCode.of("KHTC"))))
                .containsExactly(UnitCode.of("KHONGCO"), UnitCode.of("KHTC"));
    }

    @Test
    void believesARememberedCodeOnlyForAWhileWhenAnotherInstanceDeactivatesIt() {
        store("NVY", true);
        assertThat(units.unknownAmong(List.of(UnitCode.of("NVY")))).isEmpty();

        store("NVY", false); // as another instance of the service would
        clock.advance(Units.REMEMBER_ACTIVE);

        assertThat(units.unknownAmong(List.of(UnitCode.of("NVY")))).containsExactly(UnitCode.of("NVY"));
    }

    @Test
    void asksTheStoreAgainForACodeThatWasUnknown() {
        assertThat(units.unknownAmong(List.of(UnitCode.of("NVY")))).containsExactly(UnitCode.of("NVY"));

        store("NVY", true);

        assertThat(units.unknownAmong(List.of(UnitCode.of("NVY")))).isEmpty();
    }

    private void store(String code, boolean active) {
        mongo.getCollection(mongo.getCollectionName(Unit.class)).replaceOne(new Document("_id", code),
                new Document("_id", code).append("active", active),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
