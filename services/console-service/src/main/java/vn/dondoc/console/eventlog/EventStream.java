package vn.dondoc.console.eventlog;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * Everyone watching the log live. Each watcher has its own sender thread and a bounded backlog, so a slow browser
 * never holds up ingestion or the other watchers: when its backlog is full it is disconnected (EventSource
 * reconnects by itself).
 */
@Component
class EventStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final EventLogProperties properties;
    private ScheduledExecutorService heartbeats;

    EventStream(EventLogProperties properties) {
        this.properties = properties;
    }

    /** The entries as {@code GET /api/events} shows them (DESIGN §4). */
    SseEmitter watch(EventQuery filter) {
        return watch(filter, LogEntry::of);
    }

    /** The entries as {@code view} shows them, as unnamed events (a page's {@code onmessage}) with the key as id. */
    SseEmitter watch(EventQuery filter, Function<LoggedEvent, ?> view) {
        var emitter = new SseEmitter(properties.streamTimeout().toMillis());
        var watcher = new Watcher(emitter, filter, view);
        emitter.onCompletion(() -> forget(watcher));
        emitter.onTimeout(() -> {
            forget(watcher);
            emitter.complete();
        });
        emitter.onError(error -> forget(watcher));
        watchers.add(watcher);
        // sent at once so the response starts now: the client knows it is subscribed
        watcher.send(SseEmitter.event().comment("connected"));
        return emitter;
    }

    /** Called with entries once they are stored. */
    void publish(List<LoggedEvent> stored) {
        if (stored.isEmpty() || watchers.isEmpty()) {
            return;
        }
        for (LoggedEvent event : stored) {
            for (Watcher watcher : watchers) {
                if (watcher.filter.matches(event)) {
                    watcher.send(asEvent(event, watcher.view.apply(event)));
                }
            }
        }
    }

    int watching() {
        return watchers.size();
    }

    private static SseEventBuilder asEvent(LoggedEvent logged, Object view) {
        if (!(view instanceof LogEntry entry)) {
            return SseEmitter.event().id(logged.key()).data(view, MediaType.APPLICATION_JSON);
        }
        var event = SseEmitter.event().id(entry.id());
        if (entry.type() != null) {
            event.name(entry.type());
        }
        return event.data(entry, MediaType.APPLICATION_JSON);
    }

    private void forget(Watcher watcher) {
        if (watchers.remove(watcher)) {
            watcher.sender.shutdownNow();
        }
    }

    private void heartbeat() {
        watchers.forEach(watcher -> watcher.send(SseEmitter.event().comment("heartbeat")));
    }

    @Override
    public void start() {
        long period = properties.heartbeat().toMillis();
        heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("event-stream-heartbeat").factory());
        heartbeats.scheduleWithFixedDelay(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    }

    /** Closes the streams before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        heartbeats.shutdownNow();
        heartbeats = null;
        watchers.forEach(watcher -> {
            forget(watcher);
            watcher.emitter.complete();
        });
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private final class Watcher {
        final SseEmitter emitter;
        final EventQuery filter;
        final Function<LoggedEvent, ?> view;
        final ThreadPoolExecutor sender;

        Watcher(SseEmitter emitter, EventQuery filter, Function<LoggedEvent, ?> view) {
            this.emitter = emitter;
            this.filter = filter;
            this.view = view;
            this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(properties.streamBacklog()), Thread.ofVirtual().name("event-stream-", 0).factory());
        }

        void send(SseEventBuilder event) {
            try {
                sender.execute(() -> {
                    try {
                        emitter.send(event);
                    } catch (IOException | IllegalStateException gone) {
                        forget(this); // the client went away; the container completes the emitter
                    }
                });
            } catch (RejectedExecutionException tooSlow) {
                if (!sender.isShutdown()) {
                    log.info("Disconnecting a live log client that fell {} events behind", properties.streamBacklog());
                    forget(this);
                    emitter.complete();
                }
            }
        }
    }
}
