package org.broadsheet.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.broadsheet.account.AccountService;
import org.broadsheet.notification.NotificationEvents.NotificationMailDue;
import org.broadsheet.notification.NotificationEvents.NotificationPushDue;
import org.broadsheet.notification.NotificationEvents.UnreadChanged;
import org.broadsheet.notification.NotificationStore.Preference;
import org.broadsheet.notification.NotificationStore.Row;
import org.broadsheet.notification.push.PushService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells one reader of one thing, as they chose: in the centre, by mail, or not at all. Each call names the event
 * it comes from ({@code sourceKey}), and an event already told to the reader changes nothing, so that a listener
 * run again after a failure or a restart never tells anyone twice. Grouped kinds join the reader's unread
 * notification of the same group (recommendations: the one made within the last hour, read or not).
 */
@Component
class Notifier {

    /** A comment's recommendations make at most one new notification in this time. */
    static final Duration RECOMMENDATIONS_EVERY = Duration.ofHours(1);

    private final NotificationStore store;
    private final AccountService accounts;
    private final PushService push;
    private final ApplicationEventPublisher events;
    private final NotificationCounters counters;
    private final Clock clock;

    Notifier(NotificationStore store, AccountService accounts, PushService push, ApplicationEventPublisher events,
            NotificationCounters counters, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.push = push;
        this.events = events;
        this.counters = counters;
        this.clock = clock;
    }

    /** What a notification is about: its article, the comment it links to, and who did it. */
    record Subject(Long articleId, Long commentId, Long actorId) {
    }

    /**
     * Tells the reader, in a short transaction of its own that first locks the reader's account row: two
     * listeners telling the same reader take turns (so a group is joined, not started twice), and no transaction
     * holds more than one reader's lock (so listeners never wait on each other in a circle). A listener cut short
     * after telling some readers is run again and tells only the others.
     *
     * @return whether the reader was told (false for an event already told, a kind the reader turned off, or a
     *         reader who is gone)
     */
    @Transactional
    boolean tell(long recipientId, NotificationKind kind, Subject subject, String sourceKey) {
        return tell(recipientId, kind, subject, sourceKey, null);
    }

    /** As {@link #tell(long, NotificationKind, Subject, String)}, with what happened for a moderation outcome. */
    @Transactional
    boolean tell(long recipientId, NotificationKind kind, Subject subject, String sourceKey, String detail) {
        if (!accounts.lockIfPresent(recipientId)) {
            return false;
        }
        Preference chosen = store.preferences(recipientId).get(kind);
        Preference preference = kind.alwaysOnSite() ? new Preference(true, chosen.byEmail(), chosen.byPush())
                : chosen;
        if (!preference.any() || store.seen(recipientId, sourceKey)) {
            return false;
        }
        Instant now = clock.instant();
        String group = group(kind, subject);
        Optional<Row> candidate = group == null ? Optional.empty()
                : store.latestInGroup(recipientId, group).filter(row -> joins(row, preference, now));
        long id;
        // Joined only while still unread (or, for recommendations, within the hour): a reader who reads it at this
        // moment makes the update miss, and the comment starts a notification of its own instead.
        if (candidate.isPresent() && store.join(candidate.get().id(), subject.commentId(), subject.actorId(), now,
                kind == NotificationKind.RECOMMENDED ? now.minus(RECOMMENDATIONS_EVERY) : null)) {
            id = candidate.get().id();
        } else {
            id = store.insert(recipientId, kind, subject.articleId(), subject.commentId(), subject.actorId(), group,
                    preference.onSite(), preference.byEmail(), now, detail);
            if (preference.byEmail() && !store.dailyDigest(recipientId)) {
                events.publishEvent(new NotificationMailDue(id));
            }
            if (preference.byPush() && push.enabled()) {
                for (long device : push.deviceIds(recipientId)) {
                    events.publishEvent(new NotificationPushDue(id, device));
                }
            }
        }
        store.remember(recipientId, sourceKey, id, subject.commentId(), now);
        if (preference.onSite()) {
            events.publishEvent(new UnreadChanged(recipientId));
            counters.sent(NotificationCounters.Channel.SITE);
        }
        return true;
    }

    private static String group(NotificationKind kind, Subject subject) {
        return switch (kind) {
            case STORY_COMMENTS -> "story:" + subject.articleId();
            case RECOMMENDED -> "recommended:" + subject.commentId();
            default -> null;
        };
    }

    /**
     * Whether a new item joins the group's latest notification: one made for the reader's present choice (a
     * mail-only one only until it is mailed, so that each mail is news), unread, or for recommendations made
     * within the hour.
     */
    private static boolean joins(Row row, Preference preference, Instant now) {
        if (row.inCentre() != preference.onSite() || (!row.inCentre() && row.emailedAt() != null)) {
            return false;
        }
        if (row.kind() == NotificationKind.RECOMMENDED) {
            return row.unread() || row.createdAt().isAfter(now.minus(RECOMMENDATIONS_EVERY));
        }
        return row.unread();
    }
}
