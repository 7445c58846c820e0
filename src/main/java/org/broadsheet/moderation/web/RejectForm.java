package org.broadsheet.moderation.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.broadsheet.comment.RejectReason;

/** A rejection as the desk posts it: the reason from the list, a note to the author, the version it was shown. */
record RejectForm(
        @NotNull(message = "{moderation.reject.reason.required}") RejectReason reason,
        @Size(max = 500, message = "{moderation.reject.note.size}") String note,
        int version,
        String back) {

    RejectForm {
        note = note == null ? null : note.replace("\r\n", "\n").strip();
    }

    static RejectForm empty(int version) {
        return new RejectForm(null, "", version, null);
    }
}
