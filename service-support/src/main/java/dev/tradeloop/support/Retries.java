package dev.tradeloop.support;

import java.time.Duration;

/**
 * Retries a call that may fail for a moment (a database statement), with doubling pauses between
 * attempts: the trading rules' "retry 3× with backoff". The last failure is thrown as it was.
 */
public final class Retries {

    /** A call that may throw anything. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Exception;
    }

    private Retries() {
    }

    public static <T> T withBackoff(int attempts, Duration firstPause, Attempt<T> attempt) throws Exception {
        Duration pause = firstPause;
        for (int tried = 1; ; tried++) {
            try {
                return attempt.run();
            } catch (Exception e) {
                if (tried >= attempts) {
                    throw e;
                }
                Thread.sleep(pause.toMillis()); // a backoff between attempts, not a wait for a condition
                pause = pause.multipliedBy(2);
            }
        }
    }
}
