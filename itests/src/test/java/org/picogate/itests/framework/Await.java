package org.picogate.itests.framework;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits, with a deadline, for something another thread does. */
final class Await {

    private Await() {
    }

    static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what.get());
            }
            Thread.sleep(5);
        }
    }
}
