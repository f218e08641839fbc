package vn.dondoc.task.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.dondoc.events.UnitRole;
import vn.dondoc.task.deadlines.VietnameseText;

/**
 * Finds tasks for the admin's lists, paged and sorted by due instant (tasks without one last). Everything is
 * filtered by MongoDB: a status category, which depends on the clock, becomes a range of due instants and a state
 * (open, completed on time or late, cancelled) at the moment of the query, exactly as {@link Task#status} decides.
 */
@Component
class TaskSearch {

    static final int MAX_SIZE = 200;

    private final MongoTemplate mongo;
    private final Clock clock;

    TaskSearch(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        var indexes = mongo.indexOps(Task.class);
        indexes.createIndex(new Index().on("sortDue", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("units.code", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("source.number", Sort.Direction.ASC));
    }

    /**
     * @param unit   a unit code, lead or coordinating (or only the {@code role} given)
     * @param dueFrom first due day (Asia/Ho_Chi_Minh), inclusive
     * @param dueTo   last due day, inclusive
     * @param source the number of the source document ({@code 123/TB-UBND})
     * @param q      words of the title, whatever the case and diacritics
     */
    record Filter(String unit, UnitRole role, TaskStatus status, LocalDate dueFrom, LocalDate dueTo, String source,
                  String q, int page, int size) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
        <R> Page<R> map(Function<T, R> mapping) {
            return new Page<>(items.stream().map(mapping).toList(), page, size, total);
        }
    }

    Page<Task> find(Filter filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter.unit() != null && !filter.unit().isBlank()) {
            var unit = Criteria.where("code").is(filter.unit().strip().toUpperCase(java.util.Locale.ROOT));
            if (filter.role() != null) {
                unit = unit.and("role").is(filter.role().name());
            }
            all.add(Criteria.where("units").elemMatch(unit));
        }
        if (filter.dueFrom() != null) {
            all.add(Criteria.where("deadline.dueAt").gte(startOf(filter.dueFrom())));
        }
        if (filter.dueTo() != null) {
            all.add(Criteria.where("deadline.dueAt").lt(startOf(filter.dueTo().plusDays(1))));
        }
        if (filter.source() != null && !filter.source().isBlank()) {
            all.add(Criteria.where("source.number").is(filter.source().strip()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String words = VietnameseText.fold(VietnameseText.normalize(filter.q()));
            all.add(Criteria.where("searchTitle").regex(Pattern.quote(words)));
        }
        if (filter.status() != null) {
            all.addAll(status(filter.status()));
        }
        var criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        long total = mongo.count(Query.query(criteria), Task.class);
        var query = Query.query(criteria)
                .with(Sort.by(Sort.Order.asc("sortDue"), Sort.Order.asc("_id")))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        return new Page<>(mongo.find(query, Task.class), filter.page(), filter.size(), total);
    }

    /** The category as stored fields at the clock's instant; mirrors {@link Task#status}. */
    private List<Criteria> status(TaskStatus status) {
        Instant now = clock.instant();
        Instant dueSoonEnd = startOf(LocalDate.ofInstant(now, Task.BUSINESS_ZONE).plusDays(Task.DUE_SOON_DAYS + 1));
        var open = List.of(Criteria.where("cancelledAt").is(null), Criteria.where("completedAt").is(null));
        var completed = List.of(Criteria.where("cancelledAt").is(null), Criteria.where("completedAt").ne(null));
        return switch (status) {
            case DA_HUY -> List.of(Criteria.where("cancelledAt").ne(null));
            case HOAN_THANH_DUNG_HAN -> with(completed, Criteria.where("completedOnTime").is(true));
            case HOAN_THANH_QUA_HAN -> with(completed, Criteria.where("completedOnTime").is(false));
            case KHONG_THOI_HAN -> with(open, Criteria.where("deadline.dueAt").is(null));
            case QUA_HAN -> with(open, Criteria.where("deadline.dueAt").lt(now));
            case SAP_DEN_HAN -> with(open, Criteria.where("deadline.dueAt").gte(now).lt(dueSoonEnd));
            case CHUA_HOAN_THANH_TRONG_HAN -> with(open, Criteria.where("deadline.dueAt").gte(dueSoonEnd));
        };
    }

    private static List<Criteria> with(List<Criteria> state, Criteria more) {
        List<Criteria> all = new ArrayList<>(state);
        all.add(more);
        return all;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Task.BUSINESS_ZONE).toInstant();
    }
}
