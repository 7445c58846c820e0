package org.broadsheet.comment;

import java.util.Collection;
import java.util.List;

/**
 * The first replies of each thread on a page: a fragment of {@link CommentRepository}, implemented in
 * {@link FirstRepliesImpl}.
 */
interface FirstReplies {

    /**
     * The first {@code limit} published replies of each of these threads (at most {@link #MAX_THREADS}), oldest
     * first. One statement whose cost is fixed by the number of threads and the limit, not by how many replies a
     * thread has: each thread is read from the {@code (root_id, created_at)} index, stopping after {@code limit}.
     */
    List<Comment> findFirstReplies(Collection<Long> rootIds, int limit);

    int MAX_THREADS = CommentService.THREADS_PER_PAGE;
}
