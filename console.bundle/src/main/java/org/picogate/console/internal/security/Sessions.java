package org.picogate.console.internal.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.picogate.scheduler.Clock;

/**
 * The console's logged-in sessions, held on the server: a session lives while it is used at least once per
 * timeout (sliding expiry on the scheduler's clock) and until logout. Sessions are kept under the SHA-256 of
 * their id, so the map's lookup time says nothing about ids, and no id is kept in memory after it was handed out.
 * At most {@code maxSessions} live; a new one pushes out the least recently used.
 */
public final class Sessions {

    private final Clock clock;
    private final SecureRandom random;
    private final int maxSessions;
    private final ReentrantLock lock = new ReentrantLock();
    /** By hashed id, least recently used first. */
    private final LinkedHashMap<String, Session> byHash = new LinkedHashMap<>(16, 0.75f, true);
    private volatile long timeoutNanos;

    public Sessions(Clock clock, Duration timeout, int maxSessions, SecureRandom random) {
        this.clock = clock;
        this.random = random;
        this.maxSessions = maxSessions;
        timeout(timeout);
    }

    /** Changes the idle timeout; sessions idle longer than the new one end at their next use. */
    public void timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the session timeout must be positive");
        }
        this.timeoutNanos = timeout.toNanos();
    }

    /** A new session; its id goes to the client once, in the cookie, and is not kept here. */
    public Created create() {
        String id = Secrets.token(random);
        Session session = new Session(Secrets.token(random));
        lock.lock();
        try {
            purgeExpired(clock.nanoTime());
            while (byHash.size() >= maxSessions) {
                Iterator<String> eldest = byHash.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            session.lastUsedNanos = clock.nanoTime();
            byHash.put(key(id), session);
        } finally {
            lock.unlock();
        }
        return new Created(id, session);
    }

    /** The live session with this id, its idle time restarted; empty for an unknown or expired id. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String key = key(id);
        long now = clock.nanoTime();
        lock.lock();
        try {
            Session session = byHash.get(key);
            if (session == null) {
                return Optional.empty();
            }
            if (now - session.lastUsedNanos >= timeoutNanos) {
                byHash.remove(key);
                return Optional.empty();
            }
            session.lastUsedNanos = now;
            return Optional.of(session);
        } finally {
            lock.unlock();
        }
    }

    /** Ends the session with this id (logout); nothing if there is none. */
    public void remove(String id) {
        if (id == null) {
            return;
        }
        lock.lock();
        try {
            byHash.remove(key(id));
        } finally {
            lock.unlock();
        }
    }

    /** Ends every session (the password changed). */
    public void clear() {
        lock.lock();
        try {
            byHash.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Live sessions, expired ones not counted. */
    public int size() {
        lock.lock();
        try {
            purgeExpired(clock.nanoTime());
            return byHash.size();
        } finally {
            lock.unlock();
        }
    }

    private void purgeExpired(long now) {
        byHash.values().removeIf(s -> now - s.lastUsedNanos >= timeoutNanos);
    }

    private static String key(String id) {
        return Base64.getEncoder().encodeToString(Secrets.sha256(id));
    }

    /** A session and its id, as made by {@link #create()}. */
    public record Created(String id, Session session) {
        @Override
        public String toString() {
            return "Created[session]"; // never the id
        }
    }

    /** One logged-in session: its CSRF token and a message for its next page. */
    public static final class Session {
        private final String csrfToken;
        private volatile long lastUsedNanos;
        private volatile Flash flash;

        Session(String csrfToken) {
            this.csrfToken = csrfToken;
        }

        /** The token every state-changing request of this session must carry. */
        public String csrfToken() {
            return csrfToken;
        }

        /** Whether {@code given} is this session's CSRF token (constant time). */
        public boolean csrfMatches(String given) {
            return Secrets.equal(csrfToken, given);
        }

        /** Leaves a message for the next page this session sees. */
        public void flash(Flash message) {
            this.flash = message;
        }

        /** The message left for this page, once. */
        public Flash takeFlash() {
            Flash message = flash;
            flash = null;
            return message;
        }

        @Override
        public String toString() {
            return "Session"; // never the token
        }
    }

    /** A one-time message shown on the next page: the outcome of an action. */
    public record Flash(boolean error, String text) {
    }

    /** For tests: the sessions by hashed id. */
    Map<String, Session> snapshot() {
        lock.lock();
        try {
            return Map.copyOf(byHash);
        } finally {
            lock.unlock();
        }
    }
}
