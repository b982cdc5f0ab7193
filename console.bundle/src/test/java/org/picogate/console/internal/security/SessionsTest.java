package org.picogate.console.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.picogate.scheduler.testing.VirtualClock;

class SessionsTest {

    private final VirtualClock clock = VirtualClock.create();
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), 3, new SecureRandom());

    @Test
    void aSessionIsFoundByItsIdWithItsOwnCsrfToken() {
        Sessions.Created a = sessions.create();
        Sessions.Created b = sessions.create();
        assertThat(a.id()).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(b.id()); // >= 128 bits in Base64
        assertThat(a.session().csrfToken()).isNotEqualTo(b.session().csrfToken()).isNotEqualTo(a.id());
        assertThat(sessions.find(a.id())).containsSame(a.session());
        assertThat(sessions.find(b.id())).containsSame(b.session());
        assertThat(sessions.find("made-up")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("")).isEmpty();
        assertThat(sessions.find("x".repeat(1000))).isEmpty();
    }

    @Test
    void idsAreNotKeptInMemory() {
        Sessions.Created a = sessions.create();
        assertThat(sessions.snapshot().keySet()).doesNotContain(a.id());
        assertThat(a.toString()).doesNotContain(a.id());
        assertThat(a.session().toString()).doesNotContain(a.session().csrfToken());
    }

    @Test
    void anIdleSessionExpiresAndUseKeepsItAlive() {
        Sessions.Created used = sessions.create();
        Sessions.Created idle = sessions.create();
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.find(used.id())).isPresent();
        clock.advance(Duration.ofMinutes(20)); // 40 min after creation, 20 after the last use
        assertThat(sessions.find(used.id())).isPresent();
        assertThat(sessions.find(idle.id())).isEmpty();
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.find(used.id())).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void aShorterTimeoutAppliesToLiveSessions() {
        Sessions.Created a = sessions.create();
        clock.advance(Duration.ofMinutes(6));
        sessions.timeout(Duration.ofMinutes(5));
        assertThat(sessions.find(a.id())).isEmpty();
    }

    @Test
    void logoutEndsOneSessionAndClearEndsAll() {
        Sessions.Created a = sessions.create();
        Sessions.Created b = sessions.create();
        sessions.remove(a.id());
        assertThat(sessions.find(a.id())).isEmpty();
        assertThat(sessions.find(b.id())).isPresent();
        sessions.clear();
        assertThat(sessions.find(b.id())).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedGoesWhenFull() {
        Sessions.Created a = sessions.create();
        Sessions.Created b = sessions.create();
        Sessions.Created c = sessions.create();
        sessions.find(a.id()); // b is now the least recently used
        Sessions.Created d = sessions.create();
        assertThat(sessions.find(b.id())).isEmpty();
        assertThat(sessions.find(a.id())).isPresent();
        assertThat(sessions.find(c.id())).isPresent();
        assertThat(sessions.find(d.id())).isPresent();
        assertThat(sessions.size()).isEqualTo(3);
    }

    @Test
    void csrfTokensCompareExactly() {
        Sessions.Session s = sessions.create().session();
        String token = s.csrfToken();
        assertThat(s.csrfMatches(token)).isTrue();
        assertThat(s.csrfMatches(token + "x")).isFalse();
        assertThat(s.csrfMatches(token.substring(1))).isFalse();
        assertThat(s.csrfMatches("")).isFalse();
        assertThat(s.csrfMatches(null)).isFalse();
    }

    @Test
    void aFlashIsShownOnce() {
        Sessions.Session s = sessions.create().session();
        s.flash(new Sessions.Flash(false, "done"));
        assertThat(s.takeFlash()).isEqualTo(new Sessions.Flash(false, "done"));
        assertThat(s.takeFlash()).isNull();
    }
}
