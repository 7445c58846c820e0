package org.broadsheet.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.shared.web.PersonalRegion;

/**
 * The records comment pages are rendered from. Reader-written text arrives here already escaped and formatted
 * ({@link CommentText}); names are printed with {@code th:text}.
 */
public final class CommentViews {

    /** The name of the part of cached pages that holds the conversation. */
    public static final String REGION = "comments";

    /** How long after posting a reader may still edit their comment. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    private CommentViews() {
    }

    /** The article a conversation is under. */
    public record ArticleRef(long id, String url, String headline, boolean commentsOpen, int commentCount) {

        public String commentsUrl() {
            return "/articles/" + id + "/comments";
        }
    }

    /**
     * One comment as printed. {@code html} is null for a placeholder; {@code authorName} is null when its author
     * deleted their account. {@code level} is 1 for a top-level comment and at most 3; {@code inReplyTo} names
     * the reader answered when a deeper reply is shown flat at the third level.
     */
    public record CommentView(long id, long articleId, Long authorId, String authorName, String authorUsername,
            List<String> badges, Dateline posted, Ago ago, Instant postedAt, String html, boolean edited,
            int recommendCount, int level, String inReplyTo, List<CommentView> replies) {

        public boolean deleted() {
            return html == null;
        }

        public boolean deletedAccount() {
            return authorId == null;
        }

        public String permalink() {
            return "/comments/" + id;
        }

        public String anchor() {
            return "comment-" + id;
        }

        public String profileUrl() {
            return authorUsername == null ? null : "/users/" + authorUsername;
        }
    }

    /** How long ago something happened, in the largest whole unit: now, minutes, hours, days, or long (a date). */
    public record Ago(String unit, long amount) {

        public static Ago between(Instant then, Instant now) {
            long seconds = Math.max(0, Duration.between(then, now).getSeconds());
            if (seconds < 60) {
                return new Ago("now", 0);
            }
            if (seconds < 3_600) {
                return new Ago("minutes", seconds / 60);
            }
            if (seconds < 86_400) {
                return new Ago("hours", seconds / 3_600);
            }
            if (seconds < 30 * 86_400L) {
                return new Ago("days", seconds / 86_400);
            }
            return new Ago("long", 0);
        }
    }

    /** A top-level comment with the replies shown under it; {@code hiddenReplies} more are on its own page. */
    public record ThreadView(CommentView root, int replyCount, int hiddenReplies) {

        public String anchor() {
            return "thread-" + root.id();
        }
    }

    /**
     * What a signed-in reader's view of a conversation adds: which comments they wrote, recommended or hide.
     */
    public record Viewer(long accountId, Set<Long> recommended, Set<Long> ignored, Instant now) {

        public boolean owns(CommentView comment) {
            return comment.authorId() != null && comment.authorId() == accountId;
        }

        public boolean recommends(CommentView comment) {
            return recommended.contains(comment.id());
        }

        public boolean ignores(CommentView comment) {
            return comment.authorId() != null && ignored.contains(comment.authorId());
        }

        public boolean canEdit(CommentView comment) {
            return owns(comment) && !comment.deleted() && now.isBefore(comment.postedAt().plus(EDIT_WINDOW));
        }

        public boolean canRecommend(CommentView comment) {
            return !comment.deleted() && !owns(comment);
        }
    }

    /** The comment box: the key that makes a resubmission harmless, and any text waiting to be posted. */
    public record CommentBox(String key, String text) {
    }

    /** A page of the conversation under an article, for one reader ({@code viewer} null when anonymous). */
    public record Discussion(ArticleRef article, Set<Long> articleAuthors, CommentSort sort,
            PagedResult<ThreadView> threads, Viewer viewer, CommentBox box, String personalHtml) {

        /** The same page with text waiting in the comment box. */
        public Discussion withText(String text) {
            return box == null || text == null ? this
                    : new Discussion(article, articleAuthors, sort, threads, viewer, new CommentBox(box.key(), text),
                            personalHtml);
        }

        /** The same page with its signed-in reader's view already rendered, to print as it is. */
        public Discussion withPersonalHtml(String html) {
            return new Discussion(article, articleAuthors, sort, threads, viewer, box, html);
        }

        public List<CommentSort> sorts() {
            return List.of(CommentSort.values());
        }

        /** Where this page of threads is read: the article itself for the first page. */
        public String pageUrl() {
            return pageUrlOf(threads.page());
        }

        public String pageUrlOf(int page) {
            String order = sort.isDefault() ? "" : "sort=" + sort.param();
            if (page <= 1) {
                return article.url() + (order.isEmpty() ? "" : "?" + order);
            }
            return article.commentsUrl() + "?page=" + page + (order.isEmpty() ? "" : "&" + order);
        }

        /** The article in another order, at its comments. */
        public String sortUrl(CommentSort order) {
            return article.url() + (order.isDefault() ? "" : "?sort=" + order.param()) + "#comments";
        }

        /** The opening marker that lets the page cache render this part again for a signed-in reader. */
        public String regionMarker() {
            // What the region needs to render again without reading the article: ids, a path, numbers.
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("article", article.id());
            parameters.put("url", article.url());
            parameters.put("open", article.commentsOpen());
            parameters.put("count", article.commentCount());
            parameters.put("authors", articleAuthors.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")));
            parameters.put("sort", sort.param());
            parameters.put("page", threads.page());
            return PersonalRegion.opening(REGION, parameters);
        }
    }

    /** One thread shown whole, on its own page, with one of its comments picked out. */
    public record ThreadPage(ArticleRef article, ThreadView thread, long highlighted, Viewer viewer,
            CommentBox box, String personalHtml) {

        public ThreadPage withPersonalHtml(String html) {
            return new ThreadPage(article, thread, highlighted, viewer, box, html);
        }
    }

    /** A comment and its article, for pages that act on one comment (reply, edit, delete, report). */
    public record CommentInContext(ArticleRef article, CommentView comment, String text) {
    }

    /** The answer to a recommendation toggle. */
    public record Recommendation(boolean recommended, int count) {
    }

    /** A reader someone ignores. */
    public record IgnoredReader(String username, String displayName) {
    }

    /** The outcome of posting: the comment, and whether it waits for the author's email to be verified. */
    public record Posted(long id, long articleId, boolean held) {
    }
}
