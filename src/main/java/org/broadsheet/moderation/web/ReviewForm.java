package org.broadsheet.moderation.web;

import jakarta.validation.constraints.Size;

import org.broadsheet.moderation.ReviewRequests;

/** A reader's request for a review: a short note to the moderators. */
record ReviewForm(@Size(max = ReviewRequests.MAX_NOTE, message = "{moderation.review.note.size}") String note) {

    ReviewForm {
        note = note == null ? null : note.replace("\r\n", "\n").strip();
    }
}
