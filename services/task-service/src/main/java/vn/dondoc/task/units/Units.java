package vn.dondoc.task.units;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.dondoc.task.outbox.Outbox;

/**
 * The stored directory. Writes go through the {@link Outbox} so that every change is published; the other features
 * only ask which codes exist.
 */
@Repository
public class Units {

    /**
     * How long a code found active is believed without asking the store again. Every assignment checks its units,
     * and the directory rarely changes: a change made here is seen at once ({@link #save}); one made by another
     * instance of the service, within this time.
     */
    static final Duration REMEMBER_ACTIVE = Duration.ofSeconds(10);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    /** Code → until when it is known active. Only codes found active in the store get in: bounded by the directory. */
    private final Map<String, Instant> active = new ConcurrentHashMap<>();

    Units(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The codes among {@code codes} that name no active unit of the directory, in the order given. */
    public Set<UnitCode> unknownAmong(Collection<UnitCode> codes) {
        var now = clock.instant();
        Predicate<String> knownActive = code -> now.isBefore(active.getOrDefault(code, Instant.MIN));
        Set<String> unsure = codes.stream().map(UnitCode::value).filter(knownActive.negate())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unsure.isEmpty()) {
            // by _id alone, which every MongoDB answers from the primary key, and without mapping whole units
            mongo.getCollection(mongo.getCollectionName(Unit.class))
                    .find(Filters.in("_id", unsure))
                    .projection(Projections.include("active"))
                    .forEach(unit -> {
                        if (Boolean.TRUE.equals(unit.getBoolean("active"))) {
                            active.put(unit.getString("_id"), now.plus(REMEMBER_ACTIVE));
                        }
                    });
        }
        return codes.stream().filter(code -> !knownActive.test(code.value()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    Optional<Unit> find(UnitCode code) {
        return Optional.ofNullable(mongo.findById(code.value(), Unit.class));
    }

    List<Unit> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Unit.class);
    }

    void save(Unit unit) {
        outbox.save(unit);
        active.remove(unit.id());
    }
}
