package se.vagen.local.http;

import java.time.Duration;
import java.util.Objects;

/** The time budget each local invocation gets (15 minutes unless a test shortens it). */
public final class LambdaBudget {

    public static final Duration DEFAULT = Duration.ofMinutes(15);

    private volatile Duration budget = DEFAULT;

    public Duration get() {
        return budget;
    }

    public void set(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget must not be negative");
        }
        this.budget = budget;
    }

    public void reset() {
        budget = DEFAULT;
    }

    public LocalLambdaContext newContext(String functionName) {
        return new LocalLambdaContext(functionName, budget);
    }
}
