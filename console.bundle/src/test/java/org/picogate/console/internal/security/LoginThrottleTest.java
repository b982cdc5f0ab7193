package org.picogate.console.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.picogate.scheduler.testing.VirtualClock;

class LoginThrottleTest {

    private final VirtualClock clock = VirtualClock.create();
    private final LoginThrottle throttle = LoginThrottle.standard(clock);

    private static InetAddress address(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] { 10, 0, 0, (byte) last });
    }

    @Test
    void fiveFailuresAreFreeThenTheLockoutDoubles() throws Exception {
        InetAddress a = address(1);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfter(a)).isZero();
            throttle.failed(a);
        }
        assertThat(throttle.retryAfter(a)).isZero();
        throttle.failed(a); // the 6th
        assertThat(throttle.retryAfter(a)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(400));
        assertThat(throttle.retryAfter(a)).isEqualTo(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(throttle.retryAfter(a)).isZero();
        throttle.failed(a);
        assertThat(throttle.retryAfter(a)).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed(a);
        assertThat(throttle.retryAfter(a)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theLockoutStopsAtFifteenMinutes() throws Exception {
        InetAddress a = address(2);
        for (int i = 0; i < 40; i++) {
            throttle.failed(a);
        }
        assertThat(throttle.retryAfter(a)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void addressesAreCountedApartAndASuccessForgets() throws Exception {
        InetAddress a = address(3);
        InetAddress b = address(4);
        for (int i = 0; i < 6; i++) {
            throttle.failed(a);
        }
        assertThat(throttle.retryAfter(a)).isPositive();
        assertThat(throttle.retryAfter(b)).isZero();
        throttle.succeeded(a);
        assertThat(throttle.retryAfter(a)).isZero();
        throttle.failed(a);
        assertThat(throttle.retryAfter(a)).isZero(); // counting starts over
    }

    @Test
    void aLongQuietStartsTheCountOver() throws Exception {
        InetAddress a = address(5);
        for (int i = 0; i < 5; i++) {
            throttle.failed(a);
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed(a);
        assertThat(throttle.retryAfter(a)).isZero();
    }

    @Test
    void theTableIsBounded() throws Exception {
        LoginThrottle small = new LoginThrottle(clock, 1, Duration.ofSeconds(1), Duration.ofMinutes(1), 3);
        for (int i = 0; i < 10; i++) {
            small.failed(address(10 + i));
            small.failed(address(10 + i));
        }
        assertThat(small.size()).isLessThanOrEqualTo(3);
        assertThat(small.retryAfter(address(19))).isPositive(); // the newest are kept
    }
}
