package org.broadsheet.comment;

import java.util.Collection;
import java.util.Set;

/**
 * Which of a page's comment authors a reader follows, so that each comment's menu offers to follow or to stop
 * following its author. The following module answers it; without that module nobody is followed.
 */
public interface FollowedAuthors {

    /** The ids among {@code authorIds} of the readers that {@code readerId} follows. */
    Set<Long> followedAmong(long readerId, Collection<Long> authorIds);
}
