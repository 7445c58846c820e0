package org.broadsheet.moderation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.broadsheet.moderation.ReaderRecords;

/** A moderator's private note on a reader. */
record NoteForm(
        @NotBlank(message = "{moderation.note.required}")
        @Size(max = ReaderRecords.MAX_NOTE, message = "{moderation.note.size}") String body) {

    NoteForm {
        body = body == null ? null : body.replace("\r\n", "\n").strip();
    }
}
