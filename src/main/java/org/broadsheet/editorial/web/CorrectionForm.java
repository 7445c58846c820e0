package org.broadsheet.editorial.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.broadsheet.article.CorrectionKind;
import org.broadsheet.article.CorrectionService;

/** A correction, update or clarification as the editor typed it: plain text, printed escaped. */
record CorrectionForm(
        @NotNull(message = "{correction.kind.required}") CorrectionKind kind,
        @NotBlank(message = "{correction.note.required}")
        @Size(max = CorrectionService.NOTE_MAX_LENGTH, message = "{correction.note.size}") String note) {

    CorrectionForm {
        // Browsers send line breaks as CRLF but count them as one character against maxlength.
        note = note == null ? null : note.replace("\r\n", "\n");
    }

    static CorrectionForm empty() {
        return new CorrectionForm(null, "");
    }
}
