package org.broadsheet.article;

import java.time.Instant;

/** A revision as the list shows it: who saved it and when, without its snapshot. */
record RevisionListing(int number, Instant createdAt, String createdBy, String note, String headline) {
}
