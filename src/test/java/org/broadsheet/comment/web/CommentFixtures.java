package org.broadsheet.comment.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.broadsheet.account.AccountUser;
import org.broadsheet.comment.CommentSort;
import org.broadsheet.comment.CommentText;
import org.broadsheet.shared.Datelines.Ago;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.comment.CommentViews.CommentBox;
import org.broadsheet.comment.CommentViews.CommentInContext;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.comment.CommentViews.Discussion;
import org.broadsheet.comment.CommentViews.ThreadView;
import org.broadsheet.comment.CommentViews.Viewer;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.web.WebSliceTestConfig;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Comment records built by hand for the web slices, as the service would return them for article 5 at
 * {@link WebSliceTestConfig#NOW}. The signed-in reader is Ana (account 7); Sam (account 8) writes the others.
 */
final class CommentFixtures {

    static final long ANA_ID = 7;
    static final long SAM_ID = 8;
    static final long ARTICLE_ID = 5;
    static final String ARTICLE_URL = "/news/2026/11/27/harbour-bridge-reopens";
    static final ArticleRef ARTICLE = new ArticleRef(ARTICLE_ID, ARTICLE_URL, "Harbour bridge reopens", true, 45);
    static final Instant NOW = WebSliceTestConfig.NOW;
    static final Instant FIVE_MINUTES_AGO = NOW.minusSeconds(300);
    /** What the site prints for {@link #FIVE_MINUTES_AGO}, in London (GMT in November). */
    static final Dateline POSTED = new Dateline("2026-11-27T11:55:00Z", "Friday 27 November 2026 11:55 GMT",
            "27 Nov 2026");
    static final Dateline LONG_AGO = new Dateline("2026-06-01T09:30:00+01:00", "Monday 01 June 2026 09:30 BST",
            "1 Jun 2026");
    static final String KEY = "3c4f6a0e-key";

    private CommentFixtures() {
    }

    static AccountUser ana() {
        return new AccountUser(ANA_ID, "ana", "Ana Reader", "", List.of(new SimpleGrantedAuthority("ROLE_READER")));
    }

    /** A visible top-level comment by Sam, posted five minutes ago. */
    static CommentView comment(long id, String text) {
        return by(id, SAM_ID, "Sam Okafor", "sam", text, 1, null, List.of());
    }

    static CommentView by(long id, Long authorId, String name, String username, String text, int level,
            String inReplyTo, List<CommentView> replies) {
        return new CommentView(id, ARTICLE_ID, authorId, name, username, List.of(), POSTED, new Ago("minutes", 5),
                FIVE_MINUTES_AGO, text == null ? null : CommentText.toHtml(text), false, 0, level, inReplyTo, replies, null,
                false, 0);
    }

    static CommentView withReplies(CommentView c, List<CommentView> replies) {
        return new CommentView(c.id(), c.articleId(), c.authorId(), c.authorName(), c.authorUsername(), c.badges(),
                c.posted(), c.ago(), c.postedAt(), c.html(), c.edited(), c.recommendCount(), c.level(), c.inReplyTo(),
                replies, c.removed(), c.picked(), c.version());
    }

    /** A placeholder: deleted by its author, or (authorId null) left by a deleted account. */
    static CommentView deleted(long id, Long authorId, int level, List<CommentView> replies) {
        return new CommentView(id, ARTICLE_ID, authorId, null, null, List.of(), POSTED, new Ago("minutes", 5),
                FIVE_MINUTES_AGO, null, false, 0, level, null, replies, null, false, 0);
    }

    static ThreadView thread(CommentView root, int hiddenReplies) {
        return new ThreadView(root, countReplies(root) + hiddenReplies, hiddenReplies);
    }

    private static int countReplies(CommentView comment) {
        return comment.replies().stream().mapToInt(r -> 1 + countReplies(r)).sum();
    }

    /** Ana reading, recommending these comments, at {@link #NOW}. */
    static Viewer anaViewing(Long... recommended) {
        return new Viewer(ANA_ID, Set.of(recommended), NOW);
    }

    static Discussion discussion(List<ThreadView> threads, int page, long total, CommentSort sort) {
        return new Discussion(ARTICLE, Set.of(), sort, new PagedResult<>(threads, page, 20, total), List.of(), false);
    }

    static CommentInContext inContext(CommentView comment) {
        return new CommentInContext(ARTICLE, comment, "The text as typed");
    }
}
