package org.picogate.ops.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.picogate.ops.internal.metrics.Exposition.Type;

/** The Prometheus text format 0.0.4: HELP/TYPE lines, escaping, names and numbers. */
class ExpositionTest {

    @Test
    void aFamilyHasOneHelpAndOneTypeLineThenItsSamples() {
        String text = new Exposition().family("a_total", Type.COUNTER, "things counted")
                .sample("", 3, "k", "v").sample("", 4, "k", "w").toString();

        assertThat(text).isEqualTo("""
                # HELP a_total things counted
                # TYPE a_total counter
                a_total{k="v"} 3
                a_total{k="w"} 4
                """);
    }

    @Test
    void labelValuesEscapeBackslashQuoteAndLineFeed() {
        String text = new Exposition().family("g", Type.GAUGE, "x")
                .sample("", 1, "route", "~/a\\d+\"q\"\nz", "method", "GET").toString();

        assertThat(text).endsWith("g{route=\"~/a\\\\d+\\\"q\\\"\\nz\",method=\"GET\"} 1\n");
    }

    @Test
    void helpEscapesBackslashAndLineFeedButNotQuotes() {
        String text = new Exposition().family("g", Type.GAUGE, "a \\ b\n\"c\"").toString();

        assertThat(text).startsWith("# HELP g a \\\\ b\\n\"c\"\n# TYPE g gauge\n");
    }

    @Test
    void numbersAreIntegersWithoutFractionAndInfinitiesAsTheFormatSpellsThem() {
        assertThat(Exposition.number(42)).isEqualTo("42");
        assertThat(Exposition.number(-1)).isEqualTo("-1");
        assertThat(Exposition.number(0.25)).isEqualTo("0.25");
        assertThat(Exposition.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(Exposition.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(Exposition.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Double.parseDouble(Exposition.number(1e-7))).isEqualTo(1e-7);
        assertThat(Double.parseDouble(Exposition.number(1e300))).isEqualTo(1e300);
    }

    @Test
    void badNamesAndMisuseAreRefused() {
        assertThatThrownBy(() -> new Exposition().family("1abc", Type.GAUGE, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1abc");
        assertThatThrownBy(() -> new Exposition().family("a-b", Type.GAUGE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Exposition().family("g", Type.GAUGE, "x").sample("", 1, "bad-label", "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad-label");
        assertThatThrownBy(() -> new Exposition().family("g", Type.GAUGE, "x").sample("", 1, "__reserved", "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Exposition().family("g", Type.GAUGE, "x").sample("", 1, "odd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Exposition().family("g", Type.GAUGE, "x").family("g", Type.GAUGE, "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new Exposition().sample(1)).isInstanceOf(IllegalStateException.class);
    }
}
