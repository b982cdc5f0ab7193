package org.picogate.http.internal.routing;

import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;

import org.picogate.scheduler.Event;

/**
 * One service that provides routes (a {@code Handler} or an {@code App}), with what ranks it and the requests it
 * is serving now. When it goes, {@link #close} turns new requests away from it (they look the route up again) and
 * waits for the ones in flight: a request either counted itself in before the close, and is waited for, or sees
 * the provider closed and does not run on it.
 */
public final class RouteProvider {
    /** Higher {@code service.ranking} first, then the older service (lower {@code service.id}), as OSGi ranks. */
    static final Comparator<RouteProvider> PRECEDENCE = Comparator.comparingInt(RouteProvider::ranking).reversed()
            .thenComparingLong(RouteProvider::serviceId);

    private final long serviceId;
    private final int ranking;
    private final String bundle;
    private final String bundleName;
    private final long bundleId;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;
    private volatile Event drained;

    /**
     * @param serviceId {@code service.id}
     * @param ranking {@code service.ranking}
     * @param bundle the providing bundle, as shown to people ({@code symbolic.name [id]})
     */
    public RouteProvider(long serviceId, int ranking, String bundle) {
        this(serviceId, ranking, bundle, bundle, -1);
    }

    /**
     * @param serviceId {@code service.id}
     * @param ranking {@code service.ranking}
     * @param bundleName the providing bundle's symbolic name
     * @param bundleId the providing bundle's id
     */
    public RouteProvider(long serviceId, int ranking, String bundleName, long bundleId) {
        this(serviceId, ranking, bundleName + " [" + bundleId + "]", bundleName, bundleId);
    }

    private RouteProvider(long serviceId, int ranking, String bundle, String bundleName, long bundleId) {
        this.serviceId = serviceId;
        this.ranking = ranking;
        this.bundle = bundle;
        this.bundleName = bundleName;
        this.bundleId = bundleId;
    }

    /** The providing bundle's symbolic name. */
    public String bundleName() {
        return bundleName;
    }

    /** The providing bundle's id, {@code -1} if unknown. */
    public long bundleId() {
        return bundleId;
    }

    public long serviceId() {
        return serviceId;
    }

    public int ranking() {
        return ranking;
    }

    public String bundle() {
        return bundle;
    }

    /** Counts a request in; {@code false} (and nothing counted) if the provider is closed. */
    boolean enter() {
        inFlight.incrementAndGet();
        if (closed) {
            exit();
            return false;
        }
        return true;
    }

    void exit() {
        if (inFlight.decrementAndGet() == 0 && closed) {
            Event e = drained;
            if (e != null) {
                e.set();
            }
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    boolean closed() {
        return closed;
    }

    /**
     * Refuses new requests, then waits until none is in flight, at most {@code max}.
     *
     * @param signal an unset event, set by the last request to finish
     * @return whether every request finished in time
     */
    boolean close(Event signal, Duration max) {
        drained = signal;
        closed = true;
        return inFlight.get() == 0 || signal.await(max) || inFlight.get() == 0;
    }

    @Override
    public String toString() {
        return "service " + serviceId + " of " + bundle;
    }
}
