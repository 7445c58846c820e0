package org.broadsheet.comment;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.AccountService;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.PagedResult;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's comments as their account sees them: listed on their profile and in their data export, released
 * when they verify their address, and kept as placeholders without name or text when they delete the account.
 */
@Service
@Transactional
public class AuthorComments {

    private final CommentRepository comments;
    private final CommentSupport support;
    private final ArticleService articles;
    private final ArticleCards articleCards;
    private final AccountService accounts;
    private final Datelines datelines;

    AuthorComments(CommentRepository comments, CommentSupport support, ArticleService articles,
            ArticleCards articleCards, AccountService accounts, Datelines datelines) {
        this.comments = comments;
        this.support = support;
        this.articles = articles;
        this.articleCards = articleCards;
        this.accounts = accounts;
        this.datelines = datelines;
    }

    /** A comment as listed on its author's profile. */
    public record AuthoredComment(long id, String articleHeadline, String articleUrl, String html, String text,
            Datelines.Dateline posted) {

        public String permalink() {
            return "/comments/" + id;
        }
    }

    /** A page of a reader's visible comments, newest first, with the headlines of their articles. */
    @Transactional(readOnly = true)
    public PagedResult<AuthoredComment> visibleBy(long accountId, int page, int size) {
        Page<Comment> found = comments.findVisibleByAuthor(accountId, PageRequest.of(Math.max(0, page - 1), size,
                Sort.by("createdAt").descending().and(Sort.by("id").descending())));
        var cards = articleCards.cardsById(found.getContent().stream().map(Comment::getArticleId).distinct().toList());
        List<AuthoredComment> items = found.getContent().stream()
                .filter(c -> cards.containsKey(c.getArticleId()))
                .map(c -> new AuthoredComment(c.getId(), cards.get(c.getArticleId()).headline(),
                        cards.get(c.getArticleId()).url(), c.getBodyHtml(), c.getBody(),
                        datelines.of(c.getCreatedAt().truncatedTo(ChronoUnit.SECONDS))))
                .toList();
        return new PagedResult<>(items, Math.max(1, page), size, found.getTotalElements());
    }

    /**
     * Keeps a deleted account's comments in their threads as placeholders without text or name, withdraws its
     * recommendations and drops what it posted that nobody saw.
     */
    public void forget(long accountId) {
        // Waits for a comment being posted by this account right now, so that it is anonymised too.
        accounts.lockForWriting(accountId);
        comments.withdrawRecommendationsOf(accountId);
        comments.deleteRecommendationsOf(accountId);
        for (Object[] row : comments.countVisibleByArticle(accountId)) {
            articles.adjustCommentCount(((Number) row[0]).longValue(), -((Number) row[1]).intValue());
        }
        comments.deleteHeldOf(accountId);
        if (comments.anonymise(accountId) > 0) {
            support.publish(ContentChangedEvent.ofEverything());
        }
    }

    /** Shows the comments held until the author verified their email address (not those held by another rule). */
    public void releaseHeld(long accountId) {
        for (Comment comment : comments.findByAuthorIdOrderByCreatedAt(accountId)) {
            if (comment.getStatus() == CommentStatus.HELD
                    && HoldReason.UNVERIFIED.name().equals(comment.getHeldReason())) {
                comment.show();
                support.counted(comment, 1);
                support.announce(comment, null);
            }
        }
    }

    /** Every comment of a reader, oldest first, for their data export. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> export(long accountId) {
        List<Comment> all = comments.findByAuthorIdOrderByCreatedAt(accountId);
        var cards = articleCards.cardsById(all.stream().map(Comment::getArticleId).distinct().toList());
        List<Map<String, Object>> result = new ArrayList<>();
        for (Comment c : all) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", c.getId());
            item.put("article", cards.containsKey(c.getArticleId()) ? cards.get(c.getArticleId()).url() : null);
            item.put("postedAt", c.getCreatedAt().toString());
            item.put("editedAt", c.getEditedAt() == null ? null : c.getEditedAt().toString());
            item.put("status", c.getStatus().name());
            item.put("text", c.getBody());
            result.add(item);
        }
        return result;
    }
}
