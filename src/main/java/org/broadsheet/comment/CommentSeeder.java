package org.broadsheet.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

    /**
     * One comment of a conversation written at once: its parent is an earlier seed of the same list (by index),
     * or -1 for a new thread; the readers who recommend it, and when it was edited (null if never).
     */
    public record Seed(int parent, long authorId, String text, Instant at, List<Long> recommenders,
            Instant recommendedAt, Instant editedAt) {
    }

    /**
     * Writes a whole conversation under one article in one transaction, in the order given (parents before their
     * replies), with its recommendations and edits: the article's pages are refreshed once, not once a comment.
     *
     * @return the comments' ids, in the order of the seeds
     */
    @Transactional
    public List<Long> conversation(long articleId, List<Seed> seeds) {
        List<Comment> written = new ArrayList<>(seeds.size());
        for (Seed seed : seeds) {
            if (seed.parent() >= written.size()) {
                throw new IllegalArgumentException("seed " + written.size() + " answers a later one");
            }
            String body = CommentText.normalise(seed.text());
            Comment comment = seed.parent() < 0
                    ? Comment.topLevel(articleId, seed.authorId(), body, CommentStatus.VISIBLE, seed.at(), null)
                    : Comment.reply(written.get(seed.parent()), seed.authorId(), body, CommentStatus.VISIBLE,
                            seed.at(), null);
            service.store(comment);
            written.add(comment);
        }
        for (int i = 0; i < seeds.size(); i++) {
            Seed seed = seeds.get(i);
            Comment comment = written.get(i);
            if (!seed.recommenders().isEmpty()) {
                for (long accountId : seed.recommenders()) {
                    comments.recommend(comment.getId(), accountId, seed.recommendedAt());
                }
                comments.adjustRecommendCount(comment.getId(), seed.recommenders().size());
            }
            if (seed.editedAt() != null) {
                comment.edit(comment.getBody(), seed.editedAt());
            }
        }
        if (!seeds.isEmpty()) {
            events.publishEvent(ContentChangedEvent.ofConversation(articleId, true));
        }
        return written.stream().map(Comment::getId).toList();
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
