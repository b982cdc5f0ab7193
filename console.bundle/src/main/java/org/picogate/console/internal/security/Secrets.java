package org.picogate.console.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random tokens and constant-time comparisons of secrets. */
public final class Secrets {

    /** 256 bits: session ids and CSRF tokens (128+ are required). */
    static final int TOKEN_BYTES = 32;

    private Secrets() {
    }

    /** A fresh random token, URL- and cookie-safe Base64 without padding. */
    public static String token(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether {@code given} equals {@code expected}, in time that depends on neither (both are hashed first, so
     * not even their lengths show). A {@code null} on either side never matches.
     */
    public static boolean equal(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    /** SHA-256 of the UTF-8 bytes of {@code text}. */
    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
