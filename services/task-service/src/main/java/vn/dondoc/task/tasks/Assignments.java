package vn.dondoc.task.tasks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.UnitRole;
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

    /**
     * Assigns a task under an id chosen by the caller (an import names its rows), so that assigning the same row
     * again is refused by the id instead of doubling the task.
     *
     * @throws DuplicateKeyException when a task with this id exists
     */
    Task assignAs(TaskId id, NewTask request) {
        List<UnitCode> named = new ArrayList<>(request.leads());
        named.addAll(request.coordinating());
        requireKnown(named);
        var deadline = deadlines.resolve(request.deadline());
        var task = Task.assign(id, request.title().strip(), request.leads(), request.coordinating(),
                request.expectedOutput(), deadline.deadline(), deadline.notes(),
                request.policy() == null ? null : request.policy().toPolicy(), request.source(), clock);
        tasks.save(task);
        return task;
    }

    Task assign(NewTask request) {
        List<UnitCode> named = new ArrayList<>(request.leads());
        named.addAll(request.coordinating());
        requireKnown(named);
        var deadline = deadlines.resolve(request.deadline());
        var policy = request.policy() == null ? null : request.policy().toPolicy();
        try {
            return insert(request, deadline, policy);
        } catch (DuplicateKeyException e) {
            return insert(request, deadline, policy); // a fresh id; see TaskId for why this is next to impossible
        }
    }

    private Task insert(NewTask request, Deadlines.Resolved deadline, ReminderPolicy policy) {
        var task = Task.assign(TaskId.next(clock), request.title().strip(), request.leads(), request.coordinating(),
                request.expectedOutput(), deadline.deadline(), deadline.notes(), policy, request.source(), clock);
        tasks.save(task);
        return task;
    }

    private void requireKnown(List<UnitCode> named) {
        var unknown = units.unknownAmong(named);
        if (!unknown.isEmpty()) {
            throw new UnknownUnits(unknown.stream().map(UnitCode::value).toList());
        }
    }

    Task update(TaskId id, TaskChange change) {
        var task = load(id);
        var leads = change.leadUnits() == null ? codes(task.unitCodes(UnitRole.LEAD)) : codes(change.leadUnits());
        var coordinating = change.coordinatingUnits() == null ? codes(task.unitCodes(UnitRole.COORDINATING))
                : codes(change.coordinatingUnits());
        List<UnitCode> named = new ArrayList<>(leads);
        named.addAll(coordinating);
        requireKnown(named);
        var deadline = change.deadline() == null ? new Deadlines.Resolved(task.deadline(), task.deadlineNotes())
                : deadlines.resolve(change.deadline());
        task.update(change.title() == null ? task.title() : change.title().strip(), leads, coordinating,
                change.expectedOutput() == null ? task.expectedOutput() : change.expectedOutput(),
                deadline.deadline(), deadline.notes(), change.policy() == null ? null : change.policy().toPolicy(),
                clock);
        tasks.save(task);
        return task;
    }

    Task extend(TaskId id, DeadlineInput input, String reason) {
        var task = load(id);
        var deadline = deadlines.resolve(input);
        task.extend(deadline.deadline(), deadline.notes(), reason, clock);
        tasks.save(task);
        return task;
    }

    Task reopen(TaskId id, String reason) {
        var task = load(id);
        task.reopen(reason, clock);
        tasks.save(task);
        return task;
    }

    private Task load(TaskId id) {
        return tasks.find(id).orElseThrow(() -> new TaskNotFound(id.value()));
    }

    private static List<UnitCode> codes(List<String> codes) {
        return codes.stream().map(UnitCode::of).toList();
    }

    Task cancel(TaskId id, String reason) {
        var task = load(id);
        task.cancel(reason, clock);
        tasks.save(task);
        return task;
    }
}
