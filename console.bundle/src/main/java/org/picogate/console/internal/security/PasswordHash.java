package org.picogate.console.internal.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password hash in the form {@code pbkdf2-sha256:<iterations>:<salt>:<hash>} (salt and hash in standard Base64),
 * PBKDF2 with HMAC-SHA256 from the JDK. The format carries its own cost, so a hash made with more iterations
 * later still checks. Parse errors never repeat the value: it is a secret of sorts.
 */
public final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; about 0.5 s of one core on the 2-core test machine. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 10_000;
    /** More would let a configuration make every login burn a core for seconds. */
    static final int MAX_ITERATIONS = 10_000_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash create(char[] password, int iterations, SecureRandom random) {
        checkIterations(iterations);
        if (password.length == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /**
     * Reads a hash in the documented format.
     *
     * @throws IllegalArgumentException saying what is wrong (never the value itself)
     */
    public static PasswordHash parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("not of the form " + SCHEME + ":<iterations>:<salt>:<hash>");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count is not a number");
        }
        checkIterations(iterations);
        byte[] salt = base64(parts[2], "salt");
        byte[] hash = base64(parts[3], "hash");
        if (salt.length < SALT_BYTES) {
            throw new IllegalArgumentException("the salt has " + salt.length + " bytes, at least " + SALT_BYTES
                    + " are needed");
        }
        if (hash.length < 16 || hash.length > 64) {
            throw new IllegalArgumentException("the hash has " + hash.length + " bytes, 16 to 64 are allowed");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    private static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("the iteration count must be " + MIN_ITERATIONS + " to "
                    + MAX_ITERATIONS);
        }
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not Base64");
        }
    }

    /** Whether {@code password} is the one hashed; compares in constant time. */
    public boolean matches(char[] password) {
        byte[] candidate = derive(password, salt, iterations, hash.length);
        return MessageDigest.isEqual(candidate, hash);
    }

    public int iterations() {
        return iterations;
    }

    /** The hash in its documented string form. */
    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    /** Never the hash: a hash in a log line or an exception message would help an offline guesser. */
    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash other && iterations == other.iterations && Arrays.equals(salt, other.salt)
                && MessageDigest.isEqual(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return iterations * 31 + Arrays.hashCode(salt);
    }
}
