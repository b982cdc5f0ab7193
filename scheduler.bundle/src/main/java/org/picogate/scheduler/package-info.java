/**
 * The Picogate scheduler: tasks, timers, timeouts and waits on one clock.
 *
 * <p>Layers, bottom up:
 * <ul>
 * <li>{@link org.picogate.scheduler.Clock} gives monotonic time. Production uses the system clock; tests use
 * {@code org.picogate.scheduler.testing.VirtualClock}, whose time moves only when told.</li>
 * <li>{@link org.picogate.scheduler.Timer}s live in one binary heap ordered by deadline, then submission order,
 * served by one timer thread. Every timed wait in this package (sleep, timeouts, timed event and channel waits,
 * timed joins) is a timer, so all of them follow the scheduler's clock.</li>
 * <li>{@link org.picogate.scheduler.Task}s are virtual threads: a blocking call parks the task, not its carrier,
 * so task code reads sequentially, like a coroutine with an implicit {@code await}. Cancellation interrupts the
 * task; scheduler waits then throw {@link org.picogate.scheduler.CancelledException}.</li>
 * <li>{@link org.picogate.scheduler.TaskGroup}, {@link org.picogate.scheduler.Event} and
 * {@link org.picogate.scheduler.Channel} compose tasks.</li>
 * </ul>
 *
 * <p>In OSGi the {@link org.picogate.scheduler.Scheduler} service is bundle-scoped: each bundle gets its own
 * instance, and every task and timer it created is cancelled when that bundle stops.
 *
 * <p>Arguments: {@code null} is rejected with {@link java.lang.NullPointerException} and a negative
 * {@link java.time.Duration} with {@link java.lang.IllegalArgumentException}, each naming the argument. A zero
 * duration means "now". An absolute deadline in the past ({@link org.picogate.scheduler.Scheduler#callAt}) is
 * simply due at once.
 */
@Export
@Version("1.2.0")
package org.picogate.scheduler;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
