package vn.dondoc.console.eventlog;

import java.util.List;

/**
 * A read model kept up to date from the log's input. It sees every batch before the batch is stored (redeliveries
 * included), so it must be idempotent; when it throws, the batch is read again.
 */
public interface Projection {

    void apply(List<LoggedEvent> batch);
}
