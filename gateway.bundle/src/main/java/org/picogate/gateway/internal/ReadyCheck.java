package org.picogate.gateway.internal;

import java.time.Duration;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/**
 * When is the gateway "ready", and how that is said. Pure functions of bundle and component states, so they are
 * unit-tested without a framework.
 */
final class ReadyCheck {

    /** How often the states are looked at again while the gateway starts ... */
    static final Duration RECHECK = Duration.ofMillis(20);
    /** ... which is this long after the reporter was activated; */
    static final Duration STARTUP = Duration.ofSeconds(10);
    /** then this often, so a component that never gets its references does not wake the gateway 50 times a second. */
    static final Duration RECHECK_LATER = Duration.ofMillis(500);

    private ReadyCheck() {
    }

    /** The delay before the next look, given how long the reporter has been waiting. */
    static Duration recheckAfter(Duration waited) {
        return waited.compareTo(STARTUP) < 0 ? RECHECK : RECHECK_LATER;
    }

    /**
     * A bundle is up when it is ACTIVE, a fragment is up when RESOLVED (fragments never start), and a bundle with a
     * lazy activation policy is up while STARTING (it waits for its first class load, which may never come).
     */
    static boolean bundleUp(int state, boolean fragment, boolean lazy) {
        return switch (state) {
            case Bundle.ACTIVE -> !fragment;
            case Bundle.RESOLVED -> fragment;
            case Bundle.STARTING -> lazy;
            default -> false;
        };
    }

    /** A component configuration is up when ACTIVE, or SATISFIED (a delayed component nobody uses yet). */
    static boolean componentUp(int state) {
        return state == ComponentConfigurationDTO.ACTIVE || state == ComponentConfigurationDTO.SATISFIED;
    }

    /** The one line printed when the gateway is up, e.g. {@code Picogate 0.1.0 ready: JDK 25.0.1, 14 bundles active, 812 ms from launch}. */
    static String readyLine(Version picogate, String jdk, int bundles, long millisFromLaunch) {
        return "Picogate %d.%d.%d ready: JDK %s, %d bundles active, %d ms from launch".formatted(picogate.getMajor(),
                picogate.getMinor(), picogate.getMicro(), jdk, bundles, millisFromLaunch);
    }
}
