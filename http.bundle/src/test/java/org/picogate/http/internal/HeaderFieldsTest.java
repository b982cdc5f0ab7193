package org.picogate.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeaderFieldsTest {

    @Test
    void looksUpWithoutRegardToCaseInOrder() {
        HeaderFields h = new HeaderFields(1);
        h.add("Accept", "a");
        h.add("X-Y", "1");
        h.add("ACCEPT", "b");
        assertThat(h.first("accept")).isEqualTo("a");
        assertThat(h.first("AcCePt")).isEqualTo("a");
        assertThat(h.all("accept")).containsExactly("a", "b");
        assertThat(h.all("x-y")).containsExactly("1");
        assertThat(h.all("nope")).isEmpty();
        assertThat(h.first("nope")).isNull();
        assertThat(h.names()).containsExactly("accept", "x-y");
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.name(2)).isEqualTo("accept");
        assertThat(h.value(2)).isEqualTo("b");
        assertThat(h.lines()).containsExactly("accept: a", "x-y: 1", "accept: b");
    }

    @Test
    void setReplacesTheFirstOrAppends() {
        HeaderFields h = new HeaderFields();
        h.set("Host", "a");
        h.add("x", "1");
        h.set("HOST", "b");
        assertThat(h.all("host")).containsExactly("b");
        assertThat(h.size()).isEqualTo(2);
    }

    @Test
    void viewsAreReadOnly() {
        HeaderFields h = new HeaderFields();
        h.add("a", "1");
        h.add("a", "2");
        assertThatThrownBy(() -> h.all("a").add("3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.names().add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.name(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void lowerCasesOnlyWhenNeeded() {
        String lower = "already-lower";
        assertThat(HeaderFields.lower(lower)).isSameAs(lower);
        assertThat(HeaderFields.lower("Mixed-Case")).isEqualTo("mixed-case");
    }
}
