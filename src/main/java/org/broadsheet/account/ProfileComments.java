package org.broadsheet.account;

import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.PagedResult;

/**
 * The comments module lists a reader's recent comments on their public profile through this.
 */
public interface ProfileComments {

    /** A page of the reader's visible comments, newest first. */
    PagedResult<RecentComment> recent(long accountId, int page, int size);

    /** One comment as a profile lists it; {@code html} is the comment's already escaped text. */
    record RecentComment(String articleHeadline, String articleUrl, String permalink, String html, Dateline posted) {
    }
}
