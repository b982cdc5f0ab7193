package org.picogate.notes.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoteDraftTest {

    private final NoteLimits limits = new NoteLimits(10, 20);

    @Test
    void aTitleWithinTheLimitsAndAnyTextUpToTheLimitAreFine() {
        assertThat(new NoteDraft("0123456789", "x".repeat(20)).problems(limits)).isEmpty();
        assertThat(new NoteDraft("t", null).problems(limits)).isEmpty();
    }

    @Test
    void theTitleIsStrippedAndNullsAreEmpty() {
        assertThat(new NoteDraft("  title \n", "  text  ")).isEqualTo(new NoteDraft("title", "  text  "));
        assertThat(new NoteDraft(null, null)).isEqualTo(new NoteDraft("", ""));
    }

    @Test
    void anEmptyOrBlankTitleIsRequired() {
        assertThat(new NoteDraft(null, "x").problems(limits)).containsOnlyKeys("title")
                .containsValue("A title is required.");
        assertThat(new NoteDraft(" \t ", "x").problems(limits)).containsOnlyKeys("title");
    }

    @Test
    void tooLongFieldsAreNamedWithTheirLengthAndLimit() {
        assertThat(new NoteDraft("01234567890", "x".repeat(21)).problems(limits))
                .containsEntry("title", "The title is 11 characters long; at most 10 are allowed.")
                .containsEntry("content", "The text is 21 characters long; at most 20 are allowed.");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new NoteLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoteLimits(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
