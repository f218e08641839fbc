package vn.dondoc.task.units;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    private final MongoTemplate mongo;
    private final Outbox outbox;

    Units(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** The codes among {@code codes} that name no active unit of the directory, in the order given. */
    public Set<UnitCode> unknownAmong(Collection<UnitCode> codes) {
        Set<String> wanted = codes.stream().map(UnitCode::value).collect(Collectors.toCollection(LinkedHashSet::new));
        // by _id alone, which every MongoDB answers from the primary key, and without mapping whole units: this is on
        // the path of every assignment
        Set<Object> known = new LinkedHashSet<>();
        mongo.getCollection(mongo.getCollectionName(Unit.class))
                .find(Filters.in("_id", wanted))
                .projection(Projections.include("active"))
                .forEach(unit -> {
                    if (Boolean.TRUE.equals(unit.getBoolean("active"))) {
                        known.add(unit.get("_id"));
                    }
                });
        return wanted.stream().filter(code -> !known.contains(code)).map(UnitCode::new)
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
    }
}
