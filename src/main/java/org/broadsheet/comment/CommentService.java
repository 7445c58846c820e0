package org.broadsheet.comment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.Views.CommentTarget;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.comment.CommentViews.CommentInContext;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.comment.CommentViews.Discussion;
import org.broadsheet.comment.CommentViews.ThreadPage;
import org.broadsheet.comment.CommentViews.ThreadView;
import org.broadsheet.comment.CommentViews.Viewer;
import org.broadsheet.comment.ThreadAssembler.Row;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation as readers read it: pages of threads under an article (a fixed number of statements whatever
 * their size, assembled in memory, kept by {@link ThreadPages}), a whole thread, one comment in its context, and
 * what a signed-in reader's view adds (what they recommend, their comments waiting for a moderator). Posting,
 * editing, reactions and the rest are use cases of their own ({@link CommentPosting}, {@link CommentEditing},
 * {@link Recommendations}, {@link CommentReports}, {@link IgnoredReaders}, {@link AuthorComments}).
 */
@Service
@Transactional(readOnly = true)
public class CommentService {

    public static final int THREADS_PER_PAGE = 20;
    /** Replies shown under each thread on a page of threads; the rest are on the thread's own page. */
    public static final int REPLIES_PER_THREAD = 5;
    /** Editors' picks shown above the threads of an article's first page. */
    public static final int PICKS_SHOWN = 3;

    private final CommentRepository comments;
    private final CommentSupport support;
    private final AccountService accounts;
    private final Datelines datelines;
    private final Clock clock;
    private final ThreadPages threadPages;

    CommentService(CommentRepository comments, CommentSupport support, AccountService accounts, Datelines datelines,
            Clock clock, ThreadPages threadPages) {
        this.comments = comments;
        this.support = support;
        this.accounts = accounts;
        this.datelines = datelines;
        this.clock = clock;
        this.threadPages = threadPages;
    }

    /** The visible article with this id, or 404. */
    public ArticleRef article(long articleId) {
        return CommentSupport.ref(support.target(articleId));
    }

    /**
     * A page of threads under an article, each with its first replies, the same for every reader. Costs the same
     * few statements for 5 comments or 5,000, and none while the page is kept ({@link ThreadPages}).
     */
    public Discussion discussion(ArticleRef article, Set<Long> articleAuthors, CommentSort sort, int page) {
        ThreadPages.Threads threads = threadPages.get(article.id(), sort, page,
                () -> threadPage(article.id(), articleAuthors, sort, page));
        return new Discussion(article, articleAuthors, sort, new PagedResult<>(threads.threads(), Math.max(1, page),
                THREADS_PER_PAGE, threads.total()), threads.picks(), threads.premoderated());
    }

    private ThreadPages.Threads threadPage(long articleId, Set<Long> articleAuthors, CommentSort sort, int page) {
        // The count is always read, so a page costs the same statements however many threads there are.
        long total = comments.countThreads(articleId);
        List<Comment> roots = comments.findThreads(articleId,
                PageRequest.of(Math.max(0, page - 1), THREADS_PER_PAGE, sort.sort()));
        if (page > 1 && roots.isEmpty()) {
            throw new NotFoundException("comment page " + page);
        }
        List<Row> rootRows = roots.stream().map(Row::of).toList();
        List<Row> replies = rootRows.isEmpty() ? List.of()
                : comments.findFirstReplies(rootRows.stream().map(Row::id).toList(), REPLIES_PER_THREAD)
                        .stream().map(Row::of).toList();
        // The editors' picks lead the first page, in every order.
        List<Row> picks = page > 1 ? List.of()
                : comments.findPicks(articleId, PageRequest.of(0, PICKS_SHOWN)).stream().map(Row::of).toList();
        ModerationRules moderation = support.rules();
        ThreadAssembler assembler = assembler(concat(rootRows, picks), replies, articleAuthors);
        return new ThreadPages.Threads(total, assembler.threads(rootRows, replies),
                assembler.threads(picks.stream().map(Row::asRoot).toList(), List.of()).stream()
                        .map(ThreadView::root).toList(),
                moderation != null && moderation.premoderated(articleId));
    }

    private static List<Row> concat(List<Row> a, List<Row> b) {
        List<Row> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /** A page of threads under the article with this id. */
    public Discussion discussion(long articleId, CommentSort sort, int page) {
        CommentTarget target = support.target(articleId);
        return discussion(CommentSupport.ref(target), target.authorAccountIds(), sort, page);
    }

    /** The whole thread a comment belongs to, with that comment picked out: what its permalink shows. */
    public ThreadPage thread(long commentId) {
        Comment comment = visibleOrPlaceholder(commentId);
        CommentTarget target = support.target(comment.getArticleId());
        List<Row> rows = comments.findThread(comment.threadId()).stream().map(Row::of).toList();
        List<Row> roots = rows.stream().filter(r -> r.parentId() == null).toList();
        List<Row> replies = rows.stream().filter(r -> r.parentId() != null).toList();
        List<ThreadView> threads = assembler(rows, List.of(), target.authorAccountIds()).threads(roots, replies);
        if (threads.isEmpty()) {
            throw new NotFoundException("comment " + commentId);
        }
        return new ThreadPage(CommentSupport.ref(target), threads.get(0), commentId);
    }

    /** A comment with its article, for the pages that reply to it, report it or delete it. */
    public CommentInContext inContext(long commentId) {
        Comment comment = visibleOrPlaceholder(commentId);
        CommentTarget target = support.target(comment.getArticleId());
        return new CommentInContext(CommentSupport.ref(target), single(comment, target), comment.getBody());
    }

    /** The reader's own comment, still there to be deleted; 404 for anyone else's. */
    public CommentInContext deletable(long accountId, long commentId) {
        Comment comment = owned(accountId, commentId);
        if (comment.getStatus() == CommentStatus.DELETED) {
            throw new NotFoundException("comment " + commentId);
        }
        CommentTarget target = support.target(comment.getArticleId());
        return new CommentInContext(CommentSupport.ref(target), single(comment, target), comment.getBody());
    }

    /** The reader's own comment, while they may still edit it. */
    public CommentInContext editable(long accountId, long commentId) {
        Comment comment = owned(accountId, commentId);
        CommentRules.checkEditable(comment, clock.instant());
        CommentTarget target = support.target(comment.getArticleId());
        return new CommentInContext(CommentSupport.ref(target), single(comment, target), comment.getBody());
    }

    /** Which of these comments the reader recommends, and the time that decides what they may still edit. */
    public Viewer viewer(long accountId, Collection<Long> commentIds) {
        Set<Long> recommended = commentIds.isEmpty() ? Set.of()
                : Set.copyOf(comments.findRecommendedAmong(accountId, List.copyOf(commentIds)));
        return new Viewer(accountId, recommended, clock.instant());
    }

    /**
     * The reader's own comments under the article that wait for a moderator, oldest first: shown to them only,
     * above the conversation, until a moderator decides.
     */
    public List<Waiting> waitingFor(long accountId, long articleId) {
        List<Comment> held = comments.findHeldOf(accountId, articleId);
        if (held.isEmpty()) {
            return List.of();
        }
        Set<Long> parents = new HashSet<>();
        held.forEach(c -> {
            if (c.getParentId() != null) {
                parents.add(c.getParentId());
            }
        });
        Map<Long, Long> parentAuthors = new HashMap<>();
        comments.findAllById(parents).forEach(p -> {
            if (p.getAuthorId() != null && p.getStatus() == CommentStatus.VISIBLE) {
                parentAuthors.put(p.getId(), p.getAuthorId());
            }
        });
        Map<Long, Commenter> names = accounts.commenters(Set.copyOf(parentAuthors.values()));
        return held.stream().map(c -> {
            Commenter answered = c.getParentId() == null ? null : names.get(parentAuthors.get(c.getParentId()));
            return new Waiting(c.getId(), c.getBodyHtml(), datelines.of(c.getCreatedAt().truncatedTo(ChronoUnit.SECONDS)),
                    c.getHeldReason(), answered == null ? null : answered.displayName());
        }).toList();
    }

    /** A comment of the reader's that waits for a moderator; {@code inReplyTo} names whom it answers. */
    public record Waiting(long id, String html, Datelines.Dateline posted, String heldReason, String inReplyTo) {
    }

    private Comment visibleOrPlaceholder(long commentId) {
        return comments.findById(commentId).filter(c -> c.getStatus() != CommentStatus.HELD)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
    }

    private Comment owned(long accountId, long commentId) {
        return comments.findById(commentId).filter(c -> Objects.equals(c.getAuthorId(), accountId))
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
    }

    private ThreadAssembler assembler(List<Row> roots, List<Row> replies, Set<Long> articleAuthors) {
        Set<Long> people = new HashSet<>();
        for (Row row : roots) {
            if (row.authorId() != null) {
                people.add(row.authorId());
            }
        }
        for (Row row : replies) {
            if (row.authorId() != null) {
                people.add(row.authorId());
            }
        }
        return new ThreadAssembler(accounts.commenters(people), articleAuthors, datelines, clock.instant());
    }

    private CommentView single(Comment comment, CommentTarget target) {
        Row row = Row.of(comment);
        return assembler(List.of(row), List.of(), target.authorAccountIds()).threads(List.of(row.asRoot()), List.of())
                .get(0).root();
    }
}
