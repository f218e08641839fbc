package vn.dondoc.notifier.reminders;

import java.util.function.Predicate;

/**
 * Which failures Resilience4j retries and counts against a circuit: a {@link DeliveryFailed} that may pass. A
 * permanent refusal (SMTP 5xx, SMS 4xx) says nothing about the server's health and trying again cannot help.
 * Named in {@code resilience4j.*.configs.*} in application.yml, hence public with a public constructor.
 */
public final class TransientFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return failure instanceof DeliveryFailed failed && !failed.permanent();
    }
}
