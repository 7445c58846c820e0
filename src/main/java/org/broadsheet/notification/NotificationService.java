package org.broadsheet.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.comment.ReaderActivity;
import org.broadsheet.comment.ReaderActivity.CommentFacts;
import org.broadsheet.notification.NotificationEvents.NotificationMailDue;
import org.broadsheet.notification.NotificationEvents.UnreadChanged;
import org.broadsheet.notification.NotificationStore.Preference;
import org.broadsheet.notification.NotificationStore.Row;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Ago;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's notifications: the centre's pages (a fixed number of queries per page whatever it holds), the unread
 * count, marking read, and the reader's choices of how to be told of each kind. Every method takes the reader's
 * own id: nobody reads or changes another's notifications.
 */
@Service
@Transactional
public class NotificationService {

    public static final int PER_PAGE = 20;
    /** The comments of a group listed when it is opened. */
    public static final int GROUP_SHOWN = 10;

    private final NotificationStore store;
    private final ReaderActivity activity;
    private final ArticleCards articles;
    private final AccountService accounts;
    private final Datelines datelines;
    private final ApplicationEventPublisher events;
    private final UnsubscribeLinks links;
    private final Clock clock;

    NotificationService(NotificationStore store, ReaderActivity activity, ArticleCards articles,
            AccountService accounts, Datelines datelines, ApplicationEventPublisher events, UnsubscribeLinks links,
            Clock clock) {
        this.links = links;
        this.store = store;
        this.activity = activity;
        this.articles = articles;
        this.accounts = accounts;
        this.datelines = datelines;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One notification as the centre shows it. {@code actorName} is null when they are gone; {@code excerpt} is
     * the start of the comment it links to; {@code items} are the comments of a group, newest first.
     */
    public record NotificationView(long id, NotificationKind kind, boolean unread, Dateline when, Ago ago,
            int count, String actorName, String articleHeadline, String excerpt, String link, List<GroupItem> items,
            String detail) {

        /** The message key of what it says: its kind's, or for a moderation outcome the outcome's. */
        public String key() {
            return kind == NotificationKind.MODERATION && detail != null ? kind.key() + "." + detail : kind.key();
        }

        public String openUrl() {
            return "/notifications/" + id + "/open";
        }
    }

    /** A comment of a grouped notification. */
    public record GroupItem(String authorName, String excerpt, String link) {
    }

    /** How a reader is told of one kind. */
    public record Choice(NotificationKind kind, boolean onSite, boolean byEmail, boolean byPush) {

        public String key() {
            return kind.key();
        }
    }

    /** A reader's choices: each kind's channels, and whether mails come at once or in a daily digest. */
    public record Choices(List<Choice> kinds, boolean dailyDigest) {
    }

    @Transactional(readOnly = true)
    public long unreadCount(long recipientId) {
        return store.countUnread(recipientId);
    }

    /** One of the reader's notifications, if it is theirs and still there. */
    @Transactional(readOnly = true)
    public java.util.Optional<NotificationView> one(long recipientId, long id) {
        return store.find(recipientId, id).map(row -> views(List.of(row)).get(0));
    }

    /**
     * A reader's first device for browser push: replies to them and staff replies in their threads come by push
     * from now on, unless they had chosen any kind for push already.
     */
    public void pushByDefault(long accountId) {
        accounts.lockForWriting(accountId);
        Map<NotificationKind, Preference> chosen = store.preferences(accountId);
        if (chosen.values().stream().noneMatch(Preference::byPush)) {
            for (NotificationKind kind : EnumSet.of(NotificationKind.REPLY, NotificationKind.STAFF_REPLY)) {
                Preference p = chosen.get(kind);
                chosen.put(kind, new Preference(p.onSite(), p.byEmail(), true));
            }
            store.savePreferences(accountId, chosen);
        }
    }

    /** The reader's newest unread notification in the centre, if any (for the live toast). */
    @Transactional(readOnly = true)
    public java.util.Optional<NotificationView> newestUnread(long recipientId) {
        return views(store.page(recipientId, 1, 0)).stream().filter(NotificationView::unread).findFirst();
    }

    /** A page of the centre, newest first. */
    @Transactional(readOnly = true)
    public PagedResult<NotificationView> page(long recipientId, int page) {
        long total = store.countInCentre(recipientId);
        List<Row> rows = store.page(recipientId, PER_PAGE, (long) (Math.max(1, page) - 1) * PER_PAGE);
        return new PagedResult<>(views(rows), Math.max(1, page), PER_PAGE, total);
    }

    /**
     * Marks the notification read and gives where it leads: the comment in its thread, or the article.
     *
     * @throws NotFoundException when it is not the reader's
     */
    public String open(long recipientId, long id) {
        Row row = store.find(recipientId, id).orElseThrow(() -> new NotFoundException("notification " + id));
        markRead(recipientId, id);
        return link(row, articleUrl(row.articleId()));
    }

    public void markRead(long recipientId, long id) {
        if (store.markRead(recipientId, id, clock.instant()) > 0) {
            events.publishEvent(new UnreadChanged(recipientId));
        }
    }

    public void markAllRead(long recipientId) {
        if (store.markAllRead(recipientId, clock.instant()) > 0) {
            events.publishEvent(new UnreadChanged(recipientId));
        }
    }

    @Transactional(readOnly = true)
    public Choices choices(long accountId) {
        Map<NotificationKind, Preference> chosen = store.preferences(accountId);
        List<Choice> kinds = new ArrayList<>();
        chosen.forEach((kind, p) -> kinds.add(new Choice(kind, p.onSite(), p.byEmail(), p.byPush())));
        return new Choices(kinds, store.dailyDigest(accountId));
    }

    /**
     * Saves the reader's choices: the kinds they want on the site, those by mail, and how mails come. Mails not
     * yet sent of kinds no longer wanted by mail are not sent; those waiting for a digest go at once when the
     * reader chooses mails at once.
     */
    public void choose(long accountId, Set<NotificationKind> onSite, Set<NotificationKind> byEmail,
            boolean dailyDigest) {
        choose(accountId, onSite, byEmail, null, dailyDigest);
    }

    /** As above, with the kinds wanted by browser push (null: as they were). */
    public void choose(long accountId, Set<NotificationKind> onSite, Set<NotificationKind> byEmail,
            Set<NotificationKind> byPush, boolean dailyDigest) {
        accounts.lockForWriting(accountId);
        Map<NotificationKind, Preference> old = store.preferences(accountId);
        Map<NotificationKind, Preference> chosen = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            chosen.put(kind, new Preference(onSite.contains(kind) || kind.alwaysOnSite(), byEmail.contains(kind),
                    byPush == null ? old.get(kind).byPush() : byPush.contains(kind)));
        }
        store.savePreferences(accountId, chosen);
        EnumSet<NotificationKind> noMail = EnumSet.allOf(NotificationKind.class);
        noMail.removeAll(byEmail);
        store.cancelDueMails(accountId, noMail);
        boolean wasDigest = store.dailyDigest(accountId);
        store.setDailyDigest(accountId, dailyDigest);
        if (wasDigest && !dailyDigest) {
            store.dueMails(accountId).forEach(id -> events.publishEvent(new NotificationMailDue(id)));
        }
    }

    /** Stops mails of one kind (of every kind for null), from the link in such a mail; queued ones too. */
    void stopMails(long accountId, NotificationKind kind) {
        accounts.lockForWriting(accountId);
        Map<NotificationKind, Preference> chosen = store.preferences(accountId);
        chosen.replaceAll((k, p) -> kind == null || k == kind ? new Preference(p.onSite(), false, p.byPush()) : p);
        store.savePreferences(accountId, chosen);
        store.cancelDueMails(accountId, kind == null ? EnumSet.allOf(NotificationKind.class) : EnumSet.of(kind));
    }

    /** What became of an unsubscribe link: the mails it stops (or would stop), or why it is refused. */
    public enum LinkState { VALID, INVALID, EXPIRED }

    /** The answer to an unsubscribe link; {@code kindKey} is the kind's key, or "all". */
    public record Unsubscribing(LinkState state, String kindKey) {
    }

    /** What the link would stop, without stopping it (the page a mail's link opens asks to confirm). */
    @Transactional(readOnly = true)
    public Unsubscribing checkLink(String account, String kind, String expires, String signature) {
        UnsubscribeLinks.Result result = links.check(account, kind, expires, signature);
        return result.unsubscribe().map(u -> new Unsubscribing(LinkState.VALID, scope(u.kind())))
                .orElseGet(() -> new Unsubscribing(result.refusal() == UnsubscribeLinks.Refusal.EXPIRED
                        ? LinkState.EXPIRED : LinkState.INVALID, null));
    }

    /** Stops the mails the link names, when it is genuine and current (RFC 8058 one-click, or the page's button). */
    public Unsubscribing unsubscribe(String account, String kind, String expires, String signature) {
        Unsubscribing answer = checkLink(account, kind, expires, signature);
        if (answer.state() == LinkState.VALID) {
            UnsubscribeLinks.Unsubscribe u = links.check(account, kind, expires, signature).unsubscribe().get();
            // An account deleted since gets no mails anyway (and has no row to lock).
            if (!accounts.commenters(List.of(u.accountId())).isEmpty()) {
                stopMails(u.accountId(), u.kind());
            }
        }
        return answer;
    }

    private static String scope(NotificationKind kind) {
        return kind == null ? UnsubscribeLinks.ALL : kind.key();
    }

    /** What an account's data export holds of its notifications and choices. */
    @Transactional(readOnly = true)
    Map<String, Object> exportFor(long accountId) {
        List<Map<String, Object>> told = new ArrayList<>();
        for (NotificationView n : views(store.page(accountId, 1_000, 0))) {
            told.add(Map.of("kind", n.key(), "when", n.when().iso(), "unread", n.unread(), "count", n.count(),
                    "link", n.link()));
        }
        return Map.of("notifications", told, "choices", choices(accountId));
    }

    // ---------------------------------------------------------------- views

    /** The rows as the centre shows them: four more queries for the whole page (groups, comments, people, articles). */
    List<NotificationView> views(List<Row> rows) {
        Map<Long, List<Long>> groups = store.groupComments(rows.stream().filter(r -> r.kind().grouped())
                .map(Row::id).toList(), GROUP_SHOWN);
        Set<Long> commentIds = new HashSet<>();
        rows.forEach(r -> {
            if (r.commentId() != null) {
                commentIds.add(r.commentId());
            }
        });
        groups.values().forEach(commentIds::addAll);
        Map<Long, CommentFacts> comments = activity.facts(commentIds);
        Set<Long> people = new HashSet<>();
        rows.forEach(r -> {
            if (r.actorId() != null) {
                people.add(r.actorId());
            }
        });
        comments.values().forEach(c -> {
            if (c.authorId() != null) {
                people.add(c.authorId());
            }
        });
        Map<Long, Commenter> names = accounts.commenters(people);
        Map<Long, ArticleCard> cards = articles.cardsById(rows.stream().map(Row::articleId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Instant now = clock.instant();
        List<NotificationView> views = new ArrayList<>();
        for (Row row : rows) {
            ArticleCard card = row.articleId() == null ? null : cards.get(row.articleId());
            CommentFacts comment = row.commentId() == null ? null : comments.get(row.commentId());
            Commenter actor = row.actorId() == null ? null : names.get(row.actorId());
            List<GroupItem> items = items(groups.getOrDefault(row.id(), List.of()), comments, names);
            views.add(new NotificationView(row.id(), row.kind(), row.unread(),
                    datelines.of(row.updatedAt().truncatedTo(ChronoUnit.SECONDS)), datelines.ago(row.updatedAt(), now),
                    row.itemCount(), actor == null ? null : actor.displayName(),
                    card == null ? null : card.headline(),
                    comment == null || !comment.visible() ? null : comment.excerpt(),
                    link(row, card == null ? null : card.url()), items, row.detail()));
        }
        return views;
    }

    private static List<GroupItem> items(Collection<Long> ids, Map<Long, CommentFacts> comments,
            Map<Long, Commenter> names) {
        List<GroupItem> items = new ArrayList<>();
        for (long id : ids) {
            CommentFacts c = comments.get(id);
            if (c != null && c.visible()) {
                Commenter author = c.authorId() == null ? null : names.get(c.authorId());
                items.add(new GroupItem(author == null ? null : author.displayName(), c.excerpt(),
                        commentLink(c.id())));
            }
        }
        return items;
    }

    private String articleUrl(Long articleId) {
        if (articleId == null) {
            return null;
        }
        ArticleCard card = articles.cardsById(List.of(articleId)).get(articleId);
        return card == null ? null : card.url();
    }

    private static String link(Row row, String articleUrl) {
        if (row.commentId() != null) {
            return commentLink(row.commentId());
        }
        if (row.kind() == NotificationKind.MODERATION) {
            return "/account/comments";
        }
        return articleUrl == null ? "/notifications" : articleUrl + "#corrections-heading";
    }

    static String commentLink(long commentId) {
        return "/comments/" + commentId + "#comment-" + commentId;
    }
}
