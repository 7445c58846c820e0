package org.broadsheet.comment;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.comment.CommentEvents.ReaderIgnored;
import org.broadsheet.comment.CommentViews.IgnoredReader;
import org.broadsheet.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The readers a reader ignores: their comments fold away for them, until they show them again. */
@Service
@Transactional
public class IgnoredReaders {

    private final CommentRepository comments;
    private final CommentSupport support;
    private final AccountService accounts;
    private final Clock clock;

    IgnoredReaders(CommentRepository comments, CommentSupport support, AccountService accounts, Clock clock) {
        this.comments = comments;
        this.support = support;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Hides the comments of this comment's author from the reader from now on.
     *
     * @return the display name of the reader now ignored
     */
    public String ignoreAuthorOf(long accountId, long commentId) {
        Comment comment = comments.findById(commentId).filter(c -> c.getStatus() == CommentStatus.VISIBLE)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        support.target(comment.getArticleId());
        Long authorId = comment.getAuthorId();
        if (authorId == null) {
            throw new NotFoundException("comment " + commentId);
        }
        if (authorId == accountId) {
            throw new CommentRejectedException("comment.ignore.self");
        }
        comments.ignore(accountId, authorId, clock.instant());
        support.publish(new ReaderIgnored(accountId, authorId));
        Commenter ignored = accounts.commenters(List.of(authorId)).get(authorId);
        return ignored == null ? "" : ignored.displayName();
    }

    /**
     * Shows this reader's comments to the reader again.
     *
     * @return their display name, or the username given when there is no such reader
     */
    public String unignore(long accountId, String username) {
        return accounts.idOf(username).map(id -> {
            comments.unignore(accountId, id);
            Commenter reader = accounts.commenters(List.of(id)).get(id);
            return reader == null ? username : reader.displayName();
        }).orElse(username);
    }

    /** The account ids of the readers this reader ignores. */
    @Transactional(readOnly = true)
    public Set<Long> ids(long accountId) {
        return Set.copyOf(comments.findIgnored(accountId));
    }

    /** The readers this reader ignores, by name. */
    @Transactional(readOnly = true)
    public List<IgnoredReader> of(long accountId) {
        Map<Long, Commenter> people = accounts.commenters(comments.findIgnored(accountId));
        return people.values().stream()
                .sorted(Comparator.comparing(Commenter::displayName, String.CASE_INSENSITIVE_ORDER))
                .map(c -> new IgnoredReader(c.username(), c.displayName())).toList();
    }
}
