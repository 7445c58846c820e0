package org.broadsheet.comment;

import java.time.Instant;
import java.util.Collection;

import org.broadsheet.shared.ContentChangedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes comments as they stood at a time in the past, for demo content and tests: no limits apply, but the
 * counters are kept exactly as posting would keep them.
 */
@Service
public class CommentSeeder {

    private final CommentRepository comments;
    private final CommentPosting service;
    private final ApplicationEventPublisher events;

    CommentSeeder(CommentRepository comments, CommentPosting service, ApplicationEventPublisher events) {
        this.comments = comments;
        this.service = service;
        this.events = events;
    }

    /**
     * Adds a visible comment (a reply when {@code parentId} is given) by {@code authorId}, posted at {@code at}.
     *
     * @return its id
     */
    @Transactional
    public long comment(long articleId, Long parentId, long authorId, String text, Instant at) {
        Comment parent = parentId == null ? null : comments.findById(parentId).orElseThrow();
        String body = CommentText.normalise(text);
        Comment comment = parent == null
                ? Comment.topLevel(articleId, authorId, body, CommentStatus.VISIBLE, at, null)
                : Comment.reply(parent, authorId, body, CommentStatus.VISIBLE, at, null);
        service.store(comment);
        events.publishEvent(ContentChangedEvent.ofConversation(articleId, true));
        return comment.getId();
    }

    /** Records that these readers recommend the comment. */
    @Transactional
    public void recommend(long commentId, Collection<Long> accountIds, Instant at) {
        for (long accountId : accountIds) {
            comments.recommend(commentId, accountId, at);
        }
        comments.adjustRecommendCount(commentId, accountIds.size());
    }

    /** Marks the comment edited at {@code at} (its text unchanged). */
    @Transactional
    public void markEdited(long commentId, Instant at) {
        Comment comment = comments.findById(commentId).orElseThrow();
        comment.edit(comment.getBody(), at);
    }
}
