package org.picogate.console.internal.security;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.scheduler.Clock;

/**
 * Slows down password guessing per client address: the first {@code freeFailures} failed logins cost nothing
 * more than the password hash itself; each later one locks the address out for twice as long as the one before,
 * from {@code firstLockout} up to {@code maxLockout}, during which its logins are refused without checking the
 * password. A successful login forgets the address. Time is the scheduler's clock. At most {@code maxAddresses}
 * are remembered, the oldest forgotten first, so a flood of addresses cannot grow the table.
 */
public final class LoginThrottle {

    private final Clock clock;
    private final int freeFailures;
    private final long firstLockoutNanos;
    private final long maxLockoutNanos;
    private final int maxAddresses;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<InetAddress, Failures> byAddress = new LinkedHashMap<>();

    private static final class Failures {
        int count;
        long lockedUntilNanos;
        long lastFailureNanos;
    }

    public LoginThrottle(Clock clock, int freeFailures, Duration firstLockout, Duration maxLockout, int maxAddresses) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstLockoutNanos = firstLockout.toNanos();
        this.maxLockoutNanos = maxLockout.toNanos();
        this.maxAddresses = maxAddresses;
    }

    /** The policy of the console: 5 free failures, then 1 s, 2 s, 4 s ... up to 15 minutes. */
    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(clock, 5, Duration.ofSeconds(1), Duration.ofMinutes(15), 10_000);
    }

    /** {@link Duration#ZERO} when {@code address} may try a login now, else how long until it may. */
    public Duration retryAfter(InetAddress address) {
        long now = clock.nanoTime();
        lock.lock();
        try {
            Failures f = byAddress.get(address);
            if (f == null || now - f.lockedUntilNanos >= 0) {
                return Duration.ZERO;
            }
            return Duration.ofNanos(f.lockedUntilNanos - now);
        } finally {
            lock.unlock();
        }
    }

    /** Records a failed login from {@code address}. */
    public void failed(InetAddress address) {
        long now = clock.nanoTime();
        lock.lock();
        try {
            Failures f = byAddress.remove(address); // re-inserted last: the table's order is by last failure
            if (f == null) {
                forgetOld(now);
                f = new Failures();
            } else if (now - f.lastFailureNanos > maxLockoutNanos && now - f.lockedUntilNanos >= 0) {
                f = new Failures(); // quiet for longer than the longest lockout: start over
            }
            f.count++;
            f.lastFailureNanos = now;
            int over = f.count - freeFailures;
            if (over > 0) {
                long lockout = firstLockoutNanos;
                for (int i = 1; i < over && lockout < maxLockoutNanos; i++) {
                    lockout *= 2;
                }
                f.lockedUntilNanos = now + Math.min(lockout, maxLockoutNanos);
            } else {
                f.lockedUntilNanos = now;
            }
            byAddress.put(address, f);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the failures of {@code address} after it logged in. */
    public void succeeded(InetAddress address) {
        lock.lock();
        try {
            byAddress.remove(address);
        } finally {
            lock.unlock();
        }
    }

    /** Addresses remembered now. */
    int size() {
        lock.lock();
        try {
            return byAddress.size();
        } finally {
            lock.unlock();
        }
    }

    private void forgetOld(long now) {
        Iterator<Failures> oldestFirst = byAddress.values().iterator();
        while (oldestFirst.hasNext()) {
            Failures f = oldestFirst.next();
            boolean stale = now - f.lastFailureNanos > maxLockoutNanos && now - f.lockedUntilNanos >= 0;
            if (stale || byAddress.size() >= maxAddresses) {
                oldestFirst.remove();
            } else {
                break;
            }
        }
    }
}
