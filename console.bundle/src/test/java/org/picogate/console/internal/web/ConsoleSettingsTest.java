package org.picogate.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.security.SecureRandom;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.picogate.console.internal.ConsoleConfig;
import org.picogate.console.internal.security.PasswordHash;

class ConsoleSettingsTest {

    record Config(String passwordHash, String token, boolean allowRemote, boolean secureCookie, long maxUploadBytes,
            int sessionTimeoutMinutes, int logEntries) implements ConsoleConfig {
        Config(String passwordHash, String token, boolean allowRemote, long maxUploadBytes,
                int sessionTimeoutMinutes, int logEntries) {
            this(passwordHash, token, allowRemote, false, maxUploadBytes, sessionTimeoutMinutes, logEntries);
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return ConsoleConfig.class;
        }
    }

    static final String HASH = PasswordHash.create("secret123".toCharArray(), 10_000, new SecureRandom()).format();

    @Test
    void withoutPasswordOrTokenTheConsoleIsOff() {
        ConsoleSettings off = ConsoleSettings.from(new Config("", "", false, 100, 30, 200));
        assertThat(off.enabled()).isFalse();
        assertThat(off.problems()).isEmpty();
        assertThat(ConsoleSettings.from(new Config("  ", null, false, 100, 30, 200)).enabled()).isFalse();
    }

    @Test
    void aPasswordHashOrATokenTurnsItOn() {
        ConsoleSettings password = ConsoleSettings.from(new Config(HASH, "", false, 100, 30, 200));
        assertThat(password.enabled()).isTrue();
        assertThat(password.passwordHash().matches("secret123".toCharArray())).isTrue();
        assertThat(password.sessionTimeout()).isEqualTo(Duration.ofMinutes(30));
        ConsoleSettings token = ConsoleSettings.from(new Config("", "k".repeat(32), false, 100, 30, 200));
        assertThat(token.enabled()).isTrue();
        assertThat(token.token()).isEqualTo("k".repeat(32));
    }

    @Test
    void unusableSecretsLeaveItOffAndSayWhyWithoutTheValue() {
        ConsoleSettings bad = ConsoleSettings.from(new Config("plaintext-password", "short-token", false, 100, 30,
                200));
        assertThat(bad.enabled()).isFalse();
        assertThat(bad.problems()).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain("plaintext-password")
                .doesNotContain("short-token"));
        assertThat(bad.problems().get(0)).startsWith("passwordHash rejected");
        assertThat(bad.problems().get(1)).startsWith("token rejected");
        assertThat(bad.toString()).doesNotContain("plaintext").doesNotContain("short-token");
        assertThat(ConsoleSettings.from(new Config(HASH, "k".repeat(32), false, 1, 30, 200)).toString())
                .doesNotContain(HASH.split(":")[3]).doesNotContain("kkkk");
    }

    @Test
    void outOfRangeLimitsFallBackToTheirDefaults() {
        ConsoleSettings s = ConsoleSettings.from(new Config(HASH, "", false, 0, 0, 0));
        assertThat(s.maxUploadBytes()).isEqualTo(16_777_216L);
        assertThat(s.sessionTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.logEntries()).isEqualTo(200);
        assertThat(s.problems()).hasSize(3);
    }
}
