package org.picogate.console.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final int FAST = PasswordHash.MIN_ITERATIONS; // the tests need not cost 0.3 s per hash

    @Test
    void aHashMatchesItsPasswordOnlyAndSurvivesItsStringForm() {
        PasswordHash hash = PasswordHash.create("correct horse".toCharArray(), FAST, new SecureRandom());
        String text = hash.format();
        assertThat(text).matches("pbkdf2-sha256:10000:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]{44}");

        PasswordHash parsed = PasswordHash.parse(text);
        assertThat(parsed).isEqualTo(hash);
        assertThat(parsed.matches("correct horse".toCharArray())).isTrue();
        assertThat(parsed.matches("correct horse ".toCharArray())).isFalse();
        assertThat(parsed.matches("Correct horse".toCharArray())).isFalse();
        assertThat(parsed.matches(new char[0])).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        SecureRandom random = new SecureRandom();
        String a = PasswordHash.create("secret123".toCharArray(), FAST, random).format();
        String b = PasswordHash.create("secret123".toCharArray(), FAST, random).format();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void derivesTheKnownAnswersOfRfc7914() {
        // RFC 7914 section 11, the PBKDF2-HMAC-SHA256 test vectors (also what Python's hashlib.pbkdf2_hmac gives)
        assertThat(HexFormat.of().formatHex(PasswordHash.derive("passwd".toCharArray(),
                "salt".getBytes(StandardCharsets.US_ASCII), 1, 64))).isEqualTo(
                        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        assertThat(HexFormat.of().formatHex(PasswordHash.derive("Password".toCharArray(),
                "NaCl".getBytes(StandardCharsets.US_ASCII), 80000, 64))).isEqualTo(
                        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    }

    @Test
    void malformedHashesAreRefusedWithoutRepeatingThem() {
        String salt = Base64.getEncoder().encodeToString(new byte[16]);
        String hash = Base64.getEncoder().encodeToString(new byte[32]);
        assertRefused("", "not of the form");
        assertRefused("secret-password", "not of the form");
        assertRefused("sha1:10000:" + salt + ":" + hash, "not of the form");
        assertRefused("pbkdf2-sha256:10000:" + salt, "not of the form");
        assertRefused("pbkdf2-sha256:10000:" + salt + ":" + hash + ":x", "not of the form");
        assertRefused("pbkdf2-sha256:many:" + salt + ":" + hash, "iteration count is not a number");
        assertRefused("pbkdf2-sha256:999:" + salt + ":" + hash, "iteration count must be");
        assertRefused("pbkdf2-sha256:20000000:" + salt + ":" + hash, "iteration count must be");
        assertRefused("pbkdf2-sha256:10000:%%%:" + hash, "salt is not Base64");
        assertRefused("pbkdf2-sha256:10000:" + salt + ":%%%", "hash is not Base64");
        assertRefused("pbkdf2-sha256:10000:" + Base64.getEncoder().encodeToString(new byte[8]) + ":" + hash,
                "salt has 8 bytes");
        assertRefused("pbkdf2-sha256:10000:" + salt + ":" + Base64.getEncoder().encodeToString(new byte[8]),
                "hash has 8 bytes");
    }

    private static void assertRefused(String text, String reason) {
        assertThatThrownBy(() -> PasswordHash.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason).satisfies(e -> {
                    if (text.length() > 12) {
                        assertThat(e.getMessage()).doesNotContain(text);
                    }
                });
    }

    @Test
    void toStringShowsNoSecret() {
        PasswordHash hash = PasswordHash.create("secret123".toCharArray(), FAST, new SecureRandom());
        String format = hash.format();
        assertThat(hash.toString()).doesNotContain(format.split(":")[2]).doesNotContain(format.split(":")[3]);
    }

    @Test
    void anEmptyPasswordIsNotHashed() {
        assertThatThrownBy(() -> PasswordHash.create(new char[0], FAST, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theToolRefusesShortPasswordsAndPrintsAHashThatChecks() {
        ByteArrayOutputStream hints = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(hints, true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PasswordTool.hash("short".toCharArray(), FAST, new SecureRandom(), out))
                .hasMessageContaining("at least 8");
        String line = PasswordTool.hash("long enough".toCharArray(), FAST, new SecureRandom(), out);
        assertThat(PasswordHash.parse(line).matches("long enough".toCharArray())).isTrue();
        assertThat(hints.toString(StandardCharsets.UTF_8)).contains("deploy/org.picogate.console.config")
                .doesNotContain("long enough");
    }
}
