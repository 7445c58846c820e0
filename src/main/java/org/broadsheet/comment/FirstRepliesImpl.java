package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * A window function ({@code ROW_NUMBER() OVER (PARTITION BY root_id ...)}) reads and ranks every reply of every
 * thread on the page: on an article whose threads have hundreds of replies that was most of the time a page of
 * threads took to render with the page cache off. Instead, one {@code UNION ALL} of one index range per thread,
 * each stopped after {@code limit} rows, padded to {@link #MAX_THREADS} branches so that the statement's text,
 * and so its prepared plan, is always the same.
 */
class FirstRepliesImpl implements FirstReplies {

    private static final String BRANCH = """
            (SELECT * FROM comment WHERE root_id = ? AND parent_id IS NOT NULL AND status <> 'HELD'
             ORDER BY created_at, id FETCH FIRST ? ROWS ONLY)""";
    private static final String SQL = String.join(" UNION ALL ", Collections.nCopies(MAX_THREADS, BRANCH));

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    @SuppressWarnings("unchecked")
    public List<Comment> findFirstReplies(Collection<Long> rootIds, int limit) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        if (rootIds.size() > MAX_THREADS) {
            throw new IllegalArgumentException("at most " + MAX_THREADS + " threads at once, not " + rootIds.size());
        }
        Query query = entityManager.createNativeQuery(SQL, Comment.class);
        int position = 1;
        List<Long> roots = new ArrayList<>(rootIds);
        for (int i = 0; i < MAX_THREADS; i++) {
            // The padding repeats no thread: a root id of 0 matches nothing.
            query.setParameter(position++, i < roots.size() ? roots.get(i) : 0L);
            query.setParameter(position++, limit);
        }
        List<Comment> replies = new ArrayList<>(query.getResultList());
        replies.sort(Comparator.comparing(Comment::getCreatedAt).thenComparing(Comment::getId));
        return replies;
    }
}
