package vn.dondoc.notifier.sms;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Channel;
import vn.dondoc.notifier.reminders.Courier;
import vn.dondoc.notifier.reminders.DeliveryFailed;
import vn.dondoc.notifier.reminders.Dispatch;

/**
 * Sends a reminder by SMS through the first provider that takes it. Each provider has its own rate limiter,
 * retry and circuit breaker ({@code sms-<name>}, configured under {@code resilience4j.*.configs.sms}); a provider
 * that is down (after its retries, or while its circuit is open) hands over to the next. A refused number is
 * final: another provider would refuse it too.
 */
@Component
class SmsCourier implements Courier {

    private record Route(SmsProvider provider, RateLimiter limiter, Retry retry, CircuitBreaker breaker) {

        void send(String to, String text) throws Throwable {
            retry.executeCheckedSupplier(() -> breaker.executeCheckedSupplier(() -> {
                RateLimiter.waitForPermission(limiter);
                provider.send(to, text);
                return null;
            }));
        }

        boolean open() {
            return breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
        }
    }

    private final SmsText texts;
    private final List<Route> routes;

    SmsCourier(SmsProperties properties, SmsText texts, CircuitBreakerRegistry breakers, RetryRegistry retries,
               RateLimiterRegistry limiters) {
        this.texts = texts;
        var http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        List<Route> routes = new ArrayList<>();
        for (var provider : properties.providers()) {
            SmsProvider gateway = switch (provider.type()) {
                case GENERIC -> new HttpGateway(provider, properties.sender(), http, properties.timeout());
                case TWILIO -> new TwilioGateway(provider, properties.sender(), http, properties.timeout());
            };
            var name = "sms-" + provider.name();
            routes.add(new Route(gateway, limiters.rateLimiter(name, "sms"), retries.retry(name, "sms"),
                    breakers.circuitBreaker(name, "sms")));
        }
        this.routes = List.copyOf(routes);
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String provider() {
        return routes.isEmpty() ? "sms" : routes.getFirst().provider().name();
    }

    @Override
    public boolean available() {
        return routes.isEmpty() || routes.stream().anyMatch(route -> !route.open());
    }

    @Override
    public Delivered deliver(Dispatch dispatch) throws DeliveryFailed {
        if (routes.isEmpty()) {
            throw new DeliveryFailed("Chưa cấu hình nhà cung cấp SMS (dondoc.sms.providers)", true, null);
        }
        var text = texts.write(dispatch);
        List<String> failures = new ArrayList<>();
        for (var route : routes) {
            try {
                route.send(dispatch.address(), text);
                return new Delivered(route.provider().name(), false);
            } catch (DeliveryFailed failed) {
                if (failed.permanent()) {
                    throw failed;
                }
                failures.add(failed.getMessage());
            } catch (CallNotPermittedException open) {
                failures.add(route.provider().name() + " đang gián đoạn (circuit breaker mở)");
            } catch (RequestNotPermitted limited) {
                failures.add(route.provider().name() + " quá giới hạn tốc độ gửi");
            } catch (Throwable unexpected) {
                failures.add(route.provider().name() + ": " + unexpected);
            }
        }
        throw new DeliveryFailed("Không nhà cung cấp SMS nào nhận tin: " + String.join("; ", failures), false, null);
    }
}
