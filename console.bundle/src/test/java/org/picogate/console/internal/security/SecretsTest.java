package org.picogate.console.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void tokensAreRandom256BitUrlSafeStrings() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = Secrets.token(random);
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            seen.add(token);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void equalComparesWholeValues() {
        assertThat(Secrets.equal("abc", "abc")).isTrue();
        assertThat(Secrets.equal("abc", "abd")).isFalse();
        assertThat(Secrets.equal("abc", "ab")).isFalse();
        assertThat(Secrets.equal("abc", "abcd")).isFalse();
        assertThat(Secrets.equal("", "")).isTrue();
        assertThat(Secrets.equal(null, "")).isFalse();
        assertThat(Secrets.equal("", null)).isFalse();
        assertThat(Secrets.equal(null, null)).isFalse();
    }
}
