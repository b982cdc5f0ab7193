package org.picogate.console.internal.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.picogate.console.internal.ConsoleConfig;
import org.picogate.console.internal.security.PasswordHash;

/**
 * The console's configuration, checked. A password hash or token that cannot be used is left out, with the reason
 * in {@link #problems()} (never the value); the console is on only when one of them is usable.
 *
 * @param passwordHash the login password's hash, or {@code null} for no password login
 * @param token the bearer token, or {@code null} for none
 */
public record ConsoleSettings(PasswordHash passwordHash, String token, boolean allowRemote, boolean secureCookie,
        long maxUploadBytes, Duration sessionTimeout, int logEntries, List<String> problems) {

    /** Shorter tokens are refused: a script's secret should be as strong as a random 192-bit value. */
    public static final int MIN_TOKEN_LENGTH = 32;

    public ConsoleSettings {
        problems = List.copyOf(problems);
    }

    public static ConsoleSettings from(ConsoleConfig config) {
        List<String> problems = new ArrayList<>();
        PasswordHash hash = null;
        String hashText = blankToNull(config.passwordHash());
        if (hashText != null) {
            try {
                hash = PasswordHash.parse(hashText);
            } catch (IllegalArgumentException e) {
                problems.add("passwordHash rejected: " + e.getMessage());
            }
        }
        String token = blankToNull(config.token());
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            problems.add("token rejected: it has fewer than " + MIN_TOKEN_LENGTH + " characters");
            token = null;
        }
        long maxUpload = config.maxUploadBytes();
        if (maxUpload < 1) {
            problems.add("maxUploadBytes=" + maxUpload + " rejected (must be at least 1); using 16777216");
            maxUpload = 16_777_216L;
        }
        int minutes = config.sessionTimeoutMinutes();
        if (minutes < 1 || minutes > 10080) {
            problems.add("sessionTimeoutMinutes=" + minutes + " rejected (must be 1 to 10080); using 30");
            minutes = 30;
        }
        int logEntries = config.logEntries();
        if (logEntries < 1 || logEntries > 10000) {
            problems.add("logEntries=" + logEntries + " rejected (must be 1 to 10000); using 200");
            logEntries = 200;
        }
        return new ConsoleSettings(hash, token, config.allowRemote(), config.secureCookie(), maxUpload,
                Duration.ofMinutes(minutes), logEntries, problems);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Whether anyone can log in: the console's routes exist only then. */
    public boolean enabled() {
        return passwordHash != null || token != null;
    }

    @Override
    public String toString() {
        return "ConsoleSettings[password " + (passwordHash != null ? "set" : "unset") + ", token "
                + (token != null ? "set" : "unset") + ", allowRemote " + allowRemote + "]"; // never a secret
    }
}
