package org.picogate.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The path keys: a literal route path, or the configuration is rejected naming the key. */
class OpsEndpointsTest {

    private static List<String> check(String path) {
        List<String> invalid = new ArrayList<>();
        OpsEndpoints.checkPath("metricsPath", path, invalid);
        return invalid;
    }

    @Test
    void literalPathsAreAccepted() {
        assertThat(check("/metrics")).isEmpty();
        assertThat(check("/ops/metrics")).isEmpty();
        assertThat(check(" /health ")).isEmpty(); // stripped
    }

    @Test
    void anythingElseIsRejectedNamingTheKeyAndWhy() {
        assertThat(check("metrics")).containsExactly("metricsPath=metrics (a path starts with /)");
        assertThat(check("")).singleElement().asString().startsWith("metricsPath= (");
        assertThat(check(null)).hasSize(1);
        assertThat(check("/a//b")).singleElement().asString().contains("empty segment");
        assertThat(check("/m/{x}")).singleElement().asString().contains("'{' at index 3");
        assertThat(check("/m?x")).singleElement().asString().contains("'?'");
        assertThat(check("/m x")).singleElement().asString().contains("' ' at index 2");
    }
}
