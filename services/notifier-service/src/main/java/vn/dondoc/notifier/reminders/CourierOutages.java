package vn.dondoc.notifier.reminders;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/**
 * Pauses the reminder listener while a courier is unavailable (every circuit behind it open) and resumes it when
 * a circuit lets calls through again (half-open or closed), so an outage costs no attempts and no dead letters.
 * Circuits move from open to half-open by themselves ({@code automatic-transition-from-open-to-half-open-enabled}),
 * which is what wakes the listener up.
 */
@Component
class CourierOutages implements SmartInitializingSingleton {

    static final String LISTENER = "reminders";
    private static final Logger log = LoggerFactory.getLogger(CourierOutages.class);

    private final CircuitBreakerRegistry breakers;
    private final KafkaListenerEndpointRegistry listeners;
    private final List<Courier> couriers;

    CourierOutages(CircuitBreakerRegistry breakers, KafkaListenerEndpointRegistry listeners, List<Courier> couriers) {
        this.breakers = breakers;
        this.listeners = listeners;
        this.couriers = List.copyOf(couriers);
    }

    @Override
    public void afterSingletonsInstantiated() {
        breakers.getAllCircuitBreakers().forEach(this::watch);
        breakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(transition -> {
            log.info("Circuit {}: {}", breaker.getName(), transition.getStateTransition());
            update();
        });
    }

    synchronized void update() {
        var container = listeners.getListenerContainer(LISTENER);
        if (container == null) {
            return;
        }
        var down = couriers.stream().filter(courier -> !courier.available()).map(Courier::channel).toList();
        if (!down.isEmpty() && !container.isPauseRequested()) {
            log.warn("Pausing reminders: no server or provider available for {}", down);
            container.pause();
        } else if (down.isEmpty() && container.isPauseRequested()) {
            log.info("Resuming reminders: every channel has a server or provider again");
            container.resume();
        }
    }
}
