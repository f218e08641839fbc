package vn.dondoc.task.tasks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import vn.dondoc.task.units.UnitCode;
import vn.dondoc.task.units.Units;

/** Assigns tasks and changes them on an admin's word; bad input is refused before anything is stored. */
@Service
class Assignments {

    private final Tasks tasks;
    private final Units units;
    private final Deadlines deadlines;
    private final Clock clock;

    Assignments(Tasks tasks, Units units, Deadlines deadlines, Clock clock) {
        this.tasks = tasks;
        this.units = units;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    Task assign(NewTask request) {
        List<UnitCode> named = new ArrayList<>(request.leads());
        named.addAll(request.coordinating());
        var unknown = units.unknownAmong(named);
        if (!unknown.isEmpty()) {
            throw new UnknownUnits(unknown.stream().map(UnitCode::value).toList());
        }
        var deadline = deadlines.resolve(request.deadline());
        var policy = request.policy() == null ? null : request.policy().toPolicy();
        try {
            return insert(request, deadline, policy);
        } catch (DuplicateKeyException e) {
            return insert(request, deadline, policy); // a fresh id; see TaskId for why this is next to impossible
        }
    }

    private Task insert(NewTask request, vn.dondoc.events.Deadline deadline, vn.dondoc.events.ReminderPolicy policy) {
        var task = Task.assign(TaskId.next(clock), request.title().strip(), request.leads(), request.coordinating(),
                request.expectedOutput(), deadline, policy, request.source(), clock);
        tasks.save(task);
        return task;
    }

    Task cancel(TaskId id, String reason) {
        var task = tasks.find(id).orElseThrow(() -> new TaskNotFound(id.value()));
        task.cancel(reason, clock);
        tasks.save(task);
        return task;
    }
}
