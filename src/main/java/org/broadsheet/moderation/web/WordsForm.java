package org.broadsheet.moderation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Words or phrases to add to a list, one a line. */
record WordsForm(
        @NotBlank(message = "{moderation.words.required}")
        @Size(max = 5000, message = "{moderation.words.size}") String words) {
}
