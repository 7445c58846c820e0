package org.broadsheet.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.broadsheet.shared.Datelines.Ago;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.PagedResult;
import org.broadsheet.article.ArticleDiscussion;

/**
 * The records comment pages are rendered from. Reader-written text arrives here already escaped and formatted
 * ({@link CommentText}); names are printed with {@code th:text}.
 */
public final class CommentViews {

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
            int recommendCount, int level, String inReplyTo, List<CommentView> replies, Removed removed,
            boolean picked, int version) {

        public boolean deleted() {
            return html == null;
        }

        /** Whether a moderator removed it: readers see a placeholder, its author the text and why. */
        public boolean rejected() {
            return removed != null;
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

        /** The author's initials, beside their name, so that a thread is easy to follow: "AR" for Ana Reader. */
        public String initials() {
            return CommentViews.initials(authorName);
        }

        /** Which of the avatars' six colours is the author's, the same on every comment of theirs. */
        public int avatar() {
            return authorId == null ? 0 : (int) Math.floorMod(authorId, 6L);
        }

        /** What the comment's actions are made from, for each reader (the part {@code bs:comment-tools}). */
        public CommentTools tools(boolean open, String back) {
            return new CommentTools(id, authorId, authorName, postedAt, recommendCount, open, back, picked, version);
        }

        /** Whose comment it is, for the fold of a reader someone ignores ({@code bs:ignore-open}). */
        public Fold fold() {
            return new Fold(authorId, authorName);
        }
    }

    /**
     * A comment as its actions need it: the reply link (when comments are open), recommending, and the "More"
     * menu; {@code back} is where its forms return to. For moderators, whether it is an editors' pick and the
     * version of its moderation, which a decision made in place carries (so that one made meanwhile by another
     * moderator is not overwritten).
     */
    public record CommentTools(long id, Long authorId, String authorName, Instant postedAt, int recommendCount,
            boolean open, String back, boolean picked, int version) {
    }

    /**
     * A comment a moderator removed, as the part {@code bs:removed-comment} needs it: the placeholder for
     * everyone, and for its author the text they wrote, the reason and the moderator's note to them.
     */
    public record Removed(long id, Long authorId, String html, String reason, String note) {
    }

    /** The author of a comment that may be folded away for a reader who ignores them. */
    public record Fold(Long authorId, String authorName) {
    }

    /** A top-level comment with the replies shown under it; {@code hiddenReplies} more are on its own page. */
    public record ThreadView(CommentView root, int replyCount, int hiddenReplies) {

        public String anchor() {
            return "thread-" + root.id();
        }
    }

    /** What a signed-in reader's view of a conversation adds: which comments are theirs, which they recommend. */
    public record Viewer(long accountId, Set<Long> recommended, Instant now) {

        public boolean owns(Long authorId) {
            return authorId != null && authorId == accountId;
        }

        public boolean recommends(long commentId) {
            return recommended.contains(commentId);
        }

        public boolean canEdit(Long authorId, Instant postedAt) {
            return owns(authorId) && now.isBefore(postedAt.plus(EDIT_WINDOW));
        }
    }

    /** The comment box: the key that makes a resubmission harmless, and any text waiting to be posted. */
    public record CommentBox(String key, String text) {

        /** A fresh comment box: a new idempotency key, holding {@code text} if given. */
        public static CommentBox fresh(String text) {
            return new CommentBox(UUID.randomUUID().toString(), text);
        }
    }

    /**
     * A page of the conversation under an article, the same for every reader: what is a reader's own in it
     * (their comment box, their actions on each comment) is rendered by the parts of {@code comment/parts}.
     */
    public record Discussion(ArticleRef article, Set<Long> articleAuthors, CommentSort sort,
            PagedResult<ThreadView> threads, List<CommentView> picks, boolean premoderated)
            implements ArticleDiscussion.Conversation {

        @Override
        public String template() {
            return "comment/fragments";
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
    }

    /** One thread shown whole, on its own page, with one of its comments picked out. */
    public record ThreadPage(ArticleRef article, ThreadView thread, long highlighted) {
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

    /**
     * The outcome of posting: the comment, and whether it waits for a moderator or a verified address, and which
     * rule held it ({@link HoldReason}, null when it is published).
     */
    public record Posted(long id, long articleId, boolean held, HoldReason holdReason) {

        public Posted(long id, long articleId, boolean held) {
            this(id, articleId, held, held ? HoldReason.UNVERIFIED : null);
        }
    }

    /** Up to two initials of a name, from its first and last words' first letters (or digits). */
    static String initials(String name) {
        if (name == null) {
            return "?";
        }
        StringBuilder initials = new StringBuilder();
        String last = null;
        for (String word : name.trim().split("[\\s\\p{Punct}]+")) {
            int first = word.isEmpty() ? -1 : word.codePointAt(0);
            if (first >= 0 && Character.isLetterOrDigit(first)) {
                if (initials.isEmpty()) {
                    initials.appendCodePoint(first);
                } else {
                    last = new String(Character.toChars(first));
                }
            }
        }
        if (last != null) {
            initials.append(last);
        }
        return initials.isEmpty() ? "?" : initials.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
