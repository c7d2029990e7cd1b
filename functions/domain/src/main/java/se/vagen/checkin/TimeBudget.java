package se.vagen.checkin;

/** How much time a run has left (in Lambda: the invocation's remaining time). */
@FunctionalInterface
public interface TimeBudget {

    long remainingMillis();

    static TimeBudget unlimited() {
        return () -> Long.MAX_VALUE;
    }
}
