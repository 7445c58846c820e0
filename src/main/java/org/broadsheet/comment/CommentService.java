package org.broadsheet.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Views.CommentTarget;
import org.broadsheet.comment.CommentEvents.CommentPosted;
import org.broadsheet.comment.CommentEvents.CommentReported;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.comment.CommentViews.CommentInContext;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.comment.CommentViews.Discussion;
import org.broadsheet.comment.CommentViews.IgnoredReader;
import org.broadsheet.comment.CommentViews.Posted;
import org.broadsheet.comment.CommentViews.Recommendation;
import org.broadsheet.comment.CommentViews.ThreadPage;
import org.broadsheet.comment.CommentViews.ThreadView;
import org.broadsheet.comment.CommentViews.Viewer;
import org.broadsheet.comment.ThreadAssembler.Row;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commenting forum: reads pages of threads (a fixed number of statements whatever their size, assembled in
 * memory) and applies every rule of posting, editing, deleting, recommending, reporting and ignoring. Counters
 * change by one atomic statement each, and an account's posts are checked one at a time.
 */
@Service
@Transactional(readOnly = true)
public class CommentService {

    public static final int THREADS_PER_PAGE = 20;
    /** Replies shown under each thread on a page of threads; the rest are on the thread's own page. */
    public static final int REPLIES_PER_THREAD = 5;
    /** Editors' picks shown above the threads of an article's first page. */
    public static final int PICKS_SHOWN = 3;
    public static final int POSTS_PER_MINUTE = 5;
    public static final int MAX_REPORT_NOTE = 500;
    /** The reason of the reports the site makes itself, for a published comment with suspect words. */
    public static final String SUSPECT_WORDS = "SUSPECT_WORDS";

    private final CommentRepository comments;
    private final ArticleService articles;
    private final AccountService accounts;
    private final ObjectProvider<ModerationRules> rules;
    private final Datelines datelines;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ThreadPages threadPages;

    CommentService(CommentRepository comments, ArticleService articles, AccountService accounts,
            ObjectProvider<ModerationRules> rules, Datelines datelines, Clock clock, ApplicationEventPublisher events,
            ThreadPages threadPages) {
        this.threadPages = threadPages;
        this.comments = comments;
        this.articles = articles;
        this.accounts = accounts;
        this.rules = rules;
        this.datelines = datelines;
        this.clock = clock;
        this.events = events;
    }

    // ---------------------------------------------------------------- reading

    /** The visible article with this id, or 404. */
    public ArticleRef article(long articleId) {
        return ref(target(articleId));
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
        ModerationRules moderation = rules.getIfAvailable();
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
        CommentTarget target = target(articleId);
        return discussion(ref(target), target.authorAccountIds(), sort, page);
    }

    /** The whole thread a comment belongs to, with that comment picked out: what its permalink shows. */
    public ThreadPage thread(long commentId) {
        Comment comment = visibleOrPlaceholder(commentId);
        CommentTarget target = target(comment.getArticleId());
        List<Row> rows = comments.findThread(comment.threadId()).stream().map(Row::of).toList();
        List<Row> roots = rows.stream().filter(r -> r.parentId() == null).toList();
        List<Row> replies = rows.stream().filter(r -> r.parentId() != null).toList();
        List<ThreadView> threads = assembler(rows, List.of(), target.authorAccountIds()).threads(roots, replies);
        if (threads.isEmpty()) {
            throw new NotFoundException("comment " + commentId);
        }
        return new ThreadPage(ref(target), threads.get(0), commentId);
    }

    /** A comment with its article, for the pages that reply to it, report it or delete it. */
    public CommentInContext inContext(long commentId) {
        Comment comment = visibleOrPlaceholder(commentId);
        CommentTarget target = target(comment.getArticleId());
        return new CommentInContext(ref(target), single(comment, target), comment.getBody());
    }

    /** The reader's own comment, still there to be deleted; 404 for anyone else's. */
    public CommentInContext deletable(long accountId, long commentId) {
        Comment comment = owned(accountId, commentId);
        if (comment.getStatus() == CommentStatus.DELETED) {
            throw new NotFoundException("comment " + commentId);
        }
        CommentTarget target = target(comment.getArticleId());
        return new CommentInContext(ref(target), single(comment, target), comment.getBody());
    }

    /** The reader's own comment, while they may still edit it. */
    public CommentInContext editable(long accountId, long commentId) {
        Comment comment = owned(accountId, commentId);
        checkEditable(comment);
        CommentTarget target = target(comment.getArticleId());
        return new CommentInContext(ref(target), single(comment, target), comment.getBody());
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
        Map<Long, Long> parentAuthors = new java.util.HashMap<>();
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

    /** The latest editors' pick under each of these articles that has one. */
    public Map<Long, CommentPick> picksFor(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        List<Comment> picked = comments.findPicksAmong(articleIds);
        Map<Long, Commenter> names = accounts.commenters(picked.stream().map(Comment::getAuthorId)
                .filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
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

    /** An editors' pick as another page quotes it. */
    public record CommentPick(long commentId, String authorName, String excerpt, String permalink) {
    }

    /** The account ids of the readers this reader ignores. */
    public Set<Long> ignoredIds(long accountId) {
        return Set.copyOf(comments.findIgnored(accountId));
    }

    /** Ids of the articles with the most comments posted since then. */
    public List<Long> mostDiscussed(Instant since, int limit) {
        return comments.findMostDiscussed(since, PageRequest.of(0, limit));
    }

    /** The readers this reader ignores, by name. */
    public List<IgnoredReader> ignoredBy(long accountId) {
        Map<Long, Commenter> people = accounts.commenters(comments.findIgnored(accountId));
        return people.values().stream()
                .sorted(Comparator.comparing(Commenter::displayName, String.CASE_INSENSITIVE_ORDER))
                .map(c -> new IgnoredReader(c.username(), c.displayName())).toList();
    }

    /** A page of a reader's visible comments, newest first, with the headlines of their articles. */
    public PagedResult<AuthoredComment> byAuthor(long accountId, int page, int size) {
        Page<Comment> found = comments.findVisibleByAuthor(accountId, PageRequest.of(Math.max(0, page - 1), size,
                Sort.by("createdAt").descending().and(Sort.by("id").descending())));
        var cards = articles.cardsById(found.getContent().stream().map(Comment::getArticleId).distinct().toList());
        List<AuthoredComment> items = found.getContent().stream()
                .filter(c -> cards.containsKey(c.getArticleId()))
                .map(c -> new AuthoredComment(c.getId(), cards.get(c.getArticleId()).headline(),
                        cards.get(c.getArticleId()).url(), c.getBodyHtml(), c.getBody(),
                        datelines.of(c.getCreatedAt().truncatedTo(ChronoUnit.SECONDS))))
                .toList();
        return new PagedResult<>(items, Math.max(1, page), size, found.getTotalElements());
    }

    /** A comment as listed on its author's profile or in their data export. */
    public record AuthoredComment(long id, String articleHeadline, String articleUrl, String html, String text,
            Datelines.Dateline posted) {

        public String permalink() {
            return "/comments/" + id;
        }
    }

    // ---------------------------------------------------------------- posting

    /**
     * Posts a comment, or a reply when {@code parentId} is given. A second request with the same key returns the
     * comment the first one made.
     *
     * @throws CommentRejectedException when a rule refuses it; nothing is stored
     */
    @Transactional
    public Posted post(long accountId, long articleId, Long parentId, String text, String key) {
        CommentTarget target = target(articleId);
        // One request per account at a time from here on, so that the limits below hold under a burst.
        Commenter author = accounts.lockForWriting(accountId);
        // Looked up as stored (at most 64 characters), so that a long key finds the comment it made.
        String storedKey = key == null || key.isBlank() ? null : key.substring(0, Math.min(64, key.length()));
        if (storedKey != null) {
            var earlier = comments.findByAuthorIdAndIdempotencyKey(accountId, storedKey);
            if (earlier.isPresent()) {
                Comment c = earlier.get();
                return posted(c);
            }
        }
        if (!target.commentsOpen()) {
            throw new CommentRejectedException("comment.closed");
        }
        ModerationRules moderation = rules.getIfAvailable();
        if (moderation != null) {
            moderation.checkMayPost(accountId);
        }
        Comment parent = null;
        if (parentId != null) {
            // Locked, so that a reply and the parent's deletion arriving together take turns.
            parent = comments.findLockedById(parentId)
                    .filter(p -> p.getArticleId() == articleId && p.getStatus() == CommentStatus.VISIBLE)
                    .orElseThrow(() -> new CommentRejectedException("comment.parent.gone"));
        }
        String body = checkedText(text);
        Instant now = clock.instant();
        if (comments.countByAuthorIdAndCreatedAtAfter(accountId, now.minus(Duration.ofMinutes(1)))
                >= POSTS_PER_MINUTE) {
            throw new CommentRejectedException("comment.text.too-fast");
        }
        var last = comments.findFirstByAuthorIdOrderByCreatedAtDescIdDesc(accountId);
        if (last.isPresent() && last.get().getBody() != null && same(last.get().getBody(), body)) {
            throw new CommentRejectedException("comment.text.repeated");
        }
        ModerationRules.Screening screening = moderation == null ? ModerationRules.Screening.PUBLISH
                : moderation.screen(accountId, articleId, body, author.emailVerified());
        Comment comment = parent == null
                ? Comment.topLevel(articleId, accountId, body, CommentStatus.VISIBLE, now, storedKey)
                : Comment.reply(parent, accountId, body, CommentStatus.VISIBLE, now, storedKey);
        if (screening.hold() != null) {
            comment.hold(screening.hold());
        }
        store(comment);
        if (comment.getStatus() == CommentStatus.VISIBLE) {
            reportSuspect(comment, screening);
            announce(comment, parent == null ? null : parent.getAuthorId());
        }
        return posted(comment);
    }

    private static Posted posted(Comment c) {
        boolean held = c.getStatus() == CommentStatus.HELD;
        return new Posted(c.getId(), c.getArticleId(), held,
                held && c.getHeldReason() != null ? HoldReason.valueOf(c.getHeldReason()) : null);
    }

    /** A published comment with suspect words goes to the moderators' Reported queue, reported by the site. */
    private void reportSuspect(Comment comment, ModerationRules.Screening screening) {
        if (!screening.suspectWords().isEmpty()) {
            comments.report(comment.getId(), null, SUSPECT_WORDS, String.join(", ", screening.suspectWords()),
                    clock.instant());
            comments.countReport(comment.getId());
        }
    }

    /** Saves a new comment, starting its thread if it is top-level, and counts it if readers can see it. */
    void store(Comment comment) {
        comments.saveAndFlush(comment);
        comment.startThreadIfTopLevel();
        if (comment.getStatus() == CommentStatus.VISIBLE) {
            count(comment);
        }
    }

    private void count(Comment comment) {
        articles.adjustCommentCount(comment.getArticleId(), 1);
        if (!comment.isTopLevel()) {
            comments.adjustReplyCount(comment.threadId(), 1);
        }
    }

    /** Tells whoever listens that a comment became visible, and that the pages under it changed. */
    private void announce(Comment comment, Long parentAuthorId) {
        events.publishEvent(new CommentPosted(comment.getId(), comment.getArticleId(), comment.getAuthorId(),
                comment.getParentId(), parentAuthorId));
        changed(comment, true);
    }

    /** Edits the reader's own comment within {@link CommentViews#EDIT_WINDOW} of posting it. */
    @Transactional
    public void edit(long accountId, long commentId, String text) {
        // Locked like a deletion, so that an edit and a deletion arriving together take turns.
        Comment comment = comments.findLockedById(commentId).filter(c -> Objects.equals(c.getAuthorId(), accountId))
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        checkEditable(comment);
        String body = checkedText(text);
        if (!body.equals(comment.getBody())) {
            ModerationRules moderation = rules.getIfAvailable();
            ModerationRules.Screening screening = ModerationRules.Screening.PUBLISH;
            if (moderation != null) {
                moderation.checkMayPost(accountId);
                // An edit is not held again (its comment was already published), but it is checked for words.
                screening = moderation.screen(accountId, comment.getArticleId(), body, true);
            }
            comment.edit(body, clock.instant());
            if (comment.getStatus() == CommentStatus.VISIBLE) {
                reportSuspect(comment, new ModerationRules.Screening(null, screening.suspectWords()));
            }
            changed(comment, false);
        }
    }

    /**
     * Deletes the reader's own comment: a comment with replies leaves a placeholder so the thread still reads;
     * one without disappears, and so does a placeholder left without replies.
     *
     * @return the id of the article it was under
     */
    @Transactional
    public long delete(long accountId, long commentId) {
        // Locked like a reply's parent: a reply arriving now either lands first (a placeholder stays) or finds
        // the comment gone.
        Comment comment = comments.findLockedById(commentId).filter(c -> Objects.equals(c.getAuthorId(), accountId))
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        if (comment.getStatus() == CommentStatus.DELETED) {
            return comment.getArticleId();
        }
        if (comment.getStatus() == CommentStatus.VISIBLE) {
            articles.adjustCommentCount(comment.getArticleId(), -1);
        }
        if (comments.existsByParentId(comment.getId())) {
            comment.leavePlaceholder();
        } else {
            remove(comment);
        }
        changed(comment, true);
        return comment.getArticleId();
    }

    private void remove(Comment comment) {
        Long parentId = comment.getParentId();
        boolean countedReply = !comment.isTopLevel() && comment.getStatus() != CommentStatus.HELD
                && comment.getStatus() != CommentStatus.REJECTED;
        comments.delete(comment);
        comments.flush();
        if (countedReply) {
            comments.adjustReplyCount(comment.threadId(), -1);
        }
        if (parentId != null) {
            // Locked, so that the last two replies under a placeholder deleted together cannot both leave it.
            comments.findLockedById(parentId)
                    .filter(p -> p.getStatus() == CommentStatus.DELETED && !comments.existsByParentId(p.getId()))
                    .ifPresent(this::remove);
        }
    }

    // ---------------------------------------------------------------- reactions

    /**
     * Recommends the comment, or withdraws the reader's recommendation. One per reader; not one's own.
     *
     * @throws CommentRejectedException for one's own comment
     */
    @Transactional
    public Recommendation toggleRecommendation(long accountId, long commentId) {
        // Locking the comment makes two clicks arriving together take turns.
        Comment comment = comments.findLockedById(commentId)
                .filter(c -> c.getStatus() == CommentStatus.VISIBLE)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        target(comment.getArticleId());
        if (Objects.equals(comment.getAuthorId(), accountId)) {
            throw new CommentRejectedException("comment.recommend.own");
        }
        mayReact(accountId);
        boolean recommended;
        if (comments.unrecommend(commentId, accountId) > 0) {
            comments.adjustRecommendCount(commentId, -1);
            recommended = false;
        } else {
            comments.recommend(commentId, accountId, clock.instant());
            comments.adjustRecommendCount(commentId, 1);
            recommended = true;
        }
        // Not a change of the whole site's pages: anonymous pages may show the old count for a little while,
        // but signed-in readers of this article see it at once.
        events.publishEvent(new CommentEvents.RecommendationChanged(commentId, comment.getArticleId(), accountId,
                comment.getAuthorId(), recommended));
        events.publishEvent(ContentChangedEvent.ofConversation(comment.getArticleId(), false));
        return new Recommendation(recommended, comments.recommendCount(commentId));
    }

    /**
     * Reports a comment to the moderators, once per reader.
     *
     * @throws CommentRejectedException when already reported by this reader, for one's own comment, or when
     *         "other" comes without a note
     */
    @Transactional
    public void report(long accountId, long commentId, ReportReason reason, String note) {
        Comment comment = comments.findById(commentId).filter(c -> c.getStatus() == CommentStatus.VISIBLE)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        target(comment.getArticleId());
        if (Objects.equals(comment.getAuthorId(), accountId)) {
            throw new CommentRejectedException("comment.report.own");
        }
        mayReact(accountId);
        String cleanNote = note == null || note.isBlank() ? null : CommentText.normalise(note);
        if (reason == ReportReason.OTHER && cleanNote == null) {
            throw new CommentRejectedException("comment.report.note.required");
        }
        if (cleanNote != null && cleanNote.length() > MAX_REPORT_NOTE) {
            throw new CommentRejectedException("comment.report.note.size");
        }
        if (comments.countReports(commentId, accountId) > 0) {
            throw new CommentRejectedException("comment.report.already");
        }
        comments.report(commentId, accountId, reason.name(), cleanNote, clock.instant());
        comments.countReport(commentId);
        events.publishEvent(new CommentReported(commentId, accountId, reason.name()));
    }

    /**
     * Hides the comments of this comment's author from the reader from now on.
     *
     * @return the display name of the reader now ignored
     */
    @Transactional
    public String ignoreAuthorOf(long accountId, long commentId) {
        Comment comment = comments.findById(commentId).filter(c -> c.getStatus() == CommentStatus.VISIBLE)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        target(comment.getArticleId());
        Long authorId = comment.getAuthorId();
        if (authorId == null) {
            throw new NotFoundException("comment " + commentId);
        }
        if (authorId == accountId) {
            throw new CommentRejectedException("comment.ignore.self");
        }
        comments.ignore(accountId, authorId, clock.instant());
        events.publishEvent(new CommentEvents.ReaderIgnored(accountId, authorId));
        Commenter ignored = accounts.commenters(List.of(authorId)).get(authorId);
        return ignored == null ? "" : ignored.displayName();
    }

    /**
     * Shows this reader's comments to the reader again.
     *
     * @return their display name, or the username given when there is no such reader
     */
    @Transactional
    public String unignore(long accountId, String username) {
        return accounts.idOf(username).map(id -> {
            comments.unignore(accountId, id);
            Commenter reader = accounts.commenters(List.of(id)).get(id);
            return reader == null ? username : reader.displayName();
        }).orElse(username);
    }

    // ---------------------------------------------------------------- accounts

    /**
     * Keeps a deleted account's comments in their threads as placeholders without text or name, withdraws its
     * recommendations and drops what it posted that nobody saw.
     */
    @Transactional
    public void forgetAuthor(long accountId) {
        // Waits for a comment being posted by this account right now, so that it is anonymised too.
        accounts.lockForWriting(accountId);
        comments.withdrawRecommendationsOf(accountId);
        comments.deleteRecommendationsOf(accountId);
        for (Object[] row : comments.countVisibleByArticle(accountId)) {
            articles.adjustCommentCount(((Number) row[0]).longValue(), -((Number) row[1]).intValue());
        }
        comments.deleteHeldOf(accountId);
        if (comments.anonymise(accountId) > 0) {
            events.publishEvent(ContentChangedEvent.ofEverything());
        }
    }

    /** Shows the comments held until the author verified their email address (not those held by another rule). */
    @Transactional
    public void releaseHeld(long accountId) {
        for (Comment comment : comments.findByAuthorIdOrderByCreatedAt(accountId)) {
            if (comment.getStatus() == CommentStatus.HELD
                    && HoldReason.UNVERIFIED.name().equals(comment.getHeldReason())) {
                comment.show();
                count(comment);
                announce(comment, null);
            }
        }
    }

    /** Every comment of a reader, oldest first, for their data export. */
    public List<Map<String, Object>> exportFor(long accountId) {
        List<Comment> all = comments.findByAuthorIdOrderByCreatedAt(accountId);
        var cards = articles.cardsById(all.stream().map(Comment::getArticleId).distinct().toList());
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

    // ---------------------------------------------------------------- helpers

    private void mayReact(long accountId) {
        ModerationRules moderation = rules.getIfAvailable();
        if (moderation != null) {
            moderation.checkMayReact(accountId);
        }
    }

    private CommentTarget target(long articleId) {
        return articles.commentTarget(articleId).orElseThrow(() -> new NotFoundException("article " + articleId));
    }

    private static ArticleRef ref(CommentTarget target) {
        return new ArticleRef(target.id(), target.url(), target.headline(), target.commentsOpen(),
                target.commentCount());
    }

    private Comment visibleOrPlaceholder(long commentId) {
        return comments.findById(commentId).filter(c -> c.getStatus() != CommentStatus.HELD)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
    }

    private Comment owned(long accountId, long commentId) {
        return comments.findById(commentId).filter(c -> Objects.equals(c.getAuthorId(), accountId))
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
    }

    private void checkEditable(Comment comment) {
        if (comment.getStatus() == CommentStatus.DELETED) {
            throw new NotFoundException("comment " + comment.getId());
        }
        if (comment.getStatus() == CommentStatus.REJECTED) {
            // The text a moderator removed stays as it was judged; the author may ask for a review instead.
            throw new CommentRejectedException("comment.edit.rejected");
        }
        if (!clock.instant().isBefore(comment.getCreatedAt().plus(CommentViews.EDIT_WINDOW))) {
            throw new CommentRejectedException("comment.edit.too-late");
        }
    }

    private static String checkedText(String text) {
        String body = CommentText.normalise(text);
        if (body.isEmpty()) {
            throw new CommentRejectedException("comment.text.required");
        }
        if (body.length() > CommentText.MAX_LENGTH) {
            throw new CommentRejectedException("comment.text.size");
        }
        if (CommentText.links(body).size() > CommentText.MAX_LINKS) {
            throw new CommentRejectedException("comment.text.links");
        }
        return body;
    }

    private static boolean same(String earlier, String body) {
        return CommentText.normalise(earlier).replaceAll("\\s+", " ")
                .equalsIgnoreCase(body.replaceAll("\\s+", " "));
    }

    private void changed(Comment comment, boolean countChanged) {
        events.publishEvent(ContentChangedEvent.ofConversation(comment.getArticleId(), countChanged));
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
