package org.broadsheet.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other pages show of the conversations: the most discussed articles and the editors' picks under them. */
@Service
@Transactional(readOnly = true)
public class CommentHighlights {

    private final CommentRepository comments;
    private final AccountService accounts;

    CommentHighlights(CommentRepository comments, AccountService accounts) {
        this.comments = comments;
        this.accounts = accounts;
    }

    /** An editors' pick as another page quotes it. */
    public record CommentPick(long commentId, String authorName, String excerpt, String permalink) {
    }

    /** Ids of the articles with the most comments posted since then. */
    public List<Long> mostDiscussed(Instant since, int limit) {
        return comments.findMostDiscussed(since, PageRequest.of(0, limit));
    }

    /** The latest editors' pick under each of these articles that has one. */
    public Map<Long, CommentPick> picksFor(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        List<Comment> picked = comments.findPicksAmong(articleIds);
        Map<Long, Commenter> names = accounts.commenters(picked.stream().map(Comment::getAuthorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, CommentPick> picks = new LinkedHashMap<>();
        for (Comment c : picked) {
            Commenter author = c.getAuthorId() == null ? null : names.get(c.getAuthorId());
            if (author != null) {
                picks.putIfAbsent(c.getArticleId(), new CommentPick(c.getId(), author.displayName(),
                        ReaderActivity.excerpt(c.getBody()), "/comments/" + c.getId() + "#comment-" + c.getId()));
            }
        }
        return picks;
    }
}
