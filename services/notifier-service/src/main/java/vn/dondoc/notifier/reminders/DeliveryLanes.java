package vn.dondoc.notifier.reminders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries of a batch side by side, one lane per kept SMTP connection ({@code dondoc.mail.connections}):
 * a server answers each message after a round trip, and several connections keep it busy meanwhile. More lanes
 * than kept connections would open a connection per message.
 */
@Component
class DeliveryLanes implements DisposableBean {

    private final int lanes;
    private final ExecutorService threads;

    DeliveryLanes(@Value("${dondoc.mail.connections:4}") int lanes) {
        this.lanes = Math.max(1, lanes);
        var number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(this.lanes,
                runnable -> Thread.ofPlatform().name("delivery-lane-" + number.incrementAndGet()).daemon().unstarted(runnable));
    }

    /** Applies {@code work} to every item, in as many lanes as there are, and returns the results in item order. */
    <T, R> List<R> each(List<T> items, Function<T, R> work) {
        var results = new Object[items.size()];
        var next = new AtomicInteger();
        Callable<Void> lane = () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                results[i] = work.apply(items.get(i));
            }
            return null;
        };
        List<Callable<Void>> running = new ArrayList<>();
        for (int i = 0; i < Math.min(lanes, items.size()); i++) {
            running.add(lane);
        }
        try {
            for (var done : threads.invokeAll(running)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A delivery lane broke", e.getCause());
        }
        @SuppressWarnings("unchecked")
        var inOrder = (List<R>) Arrays.asList(results);
        return inOrder;
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
