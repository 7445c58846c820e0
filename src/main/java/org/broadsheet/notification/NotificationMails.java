package org.broadsheet.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.AccountView;
import org.broadsheet.mail.Mailer;
import org.broadsheet.notification.NotificationEvents.NotificationMailDue;
import org.broadsheet.notification.NotificationService.NotificationView;
import org.broadsheet.notification.NotificationStore.Row;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.SiteAddress;
import org.broadsheet.shared.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails notifications: each at once through the event publication registry (a mail server that fails makes the
 * listener fail, and the registry tries again later, also after a restart), or all that are due in one daily
 * digest. The notification's row is locked and marked mailed in the same transaction, so that a mail is sent once
 * unless the server takes it and the commit then fails. Only a confirmed address gets mail: anyone can register
 * with someone else's. Every mail carries a one-click unsubscribe link (RFC 8058) for what it is about.
 */
@Component
class NotificationMails {

    private static final Logger log = LoggerFactory.getLogger(NotificationMails.class);

    private final NotificationStore store;
    private final NotificationService notifications;
    private final AccountService accounts;
    private final UnsubscribeLinks links;
    private final Mailer mailer;
    private final SiteAddress address;
    private final SiteProperties site;
    private final NotificationTexts texts;
    private final TransactionTemplate transactions;
    private final NotificationCounters counters;
    private final Clock clock;

    NotificationMails(NotificationStore store, NotificationService notifications, AccountService accounts,
            UnsubscribeLinks links, Mailer mailer, SiteAddress address, SiteProperties site, NotificationTexts texts,
            TransactionTemplate transactions, NotificationCounters counters, Clock clock) {
        this.counters = counters;
        this.store = store;
        this.notifications = notifications;
        this.accounts = accounts;
        this.links = links;
        this.mailer = mailer;
        this.address = address;
        this.site = site;
        this.texts = texts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(NotificationMailDue event) {
        Row row = store.lockDueMail(event.notificationId()).orElse(null);
        if (row == null) {
            return; // sent already, or cancelled
        }
        AccountView reader = reader(row.recipientId());
        if (reader == null || !reader.emailVerified() || store.dailyDigest(row.recipientId())) {
            // Not a confirmed address, or the reader chose the digest since: the digest will take it, if any.
            if (reader == null || !reader.emailVerified()) {
                store.cancelMail(List.of(row.id()));
            }
            return;
        }
        NotificationView view = notifications.views(List.of(row)).get(0);
        String summary = texts.summary(view);
        String unsubscribe = address.baseUrlOutsideRequests() + links.pathFor(row.recipientId(), row.kind());
        String text = message("mail.notification.body", summary,
                view.excerpt() == null ? "" : "\u201c" + view.excerpt() + "\u201d\n\n",
                address.baseUrlOutsideRequests() + view.openUrl(), unsubscribe,
                address.baseUrlOutsideRequests() + "/account/notifications", site.name(),
                message("unsubscribe.kind." + row.kind().key()));
        mailer.send(reader.email(), message("mail.notification.subject", summary, site.name()), text,
                unsubscribeHeaders(unsubscribe));
        store.markEmailed(List.of(row.id()), clock.instant());
        counters.sent(NotificationCounters.Channel.MAIL);
    }

    /** Every morning, each reader who takes a digest gets one mail of what is due to them. */
    @Scheduled(cron = "${broadsheet.notifications.digest-cron:0 0 7 * * *}",
            zone = "${broadsheet.site.zone:Europe/London}")
    @SchedulerLock(name = "notification-digests")
    void sendDigests() {
        for (long recipient : store.digestRecipients()) {
            try {
                transactions.executeWithoutResult(status -> digest(recipient));
            } catch (RuntimeException e) {
                // The next morning tries again; one reader's failure does not stop the others' digests.
                log.warn("Could not send the digest of account {}", recipient, e);
            }
        }
    }

    /** One reader's digest, in the caller's transaction. */
    void digest(long recipientId) {
        List<Row> due = store.lockDueMails(recipientId);
        if (due.isEmpty()) {
            return;
        }
        AccountView reader = reader(recipientId);
        List<Long> ids = due.stream().map(Row::id).toList();
        if (reader == null || !reader.emailVerified()) {
            store.cancelMail(ids);
            return;
        }
        StringBuilder list = new StringBuilder();
        for (NotificationView view : notifications.views(due)) {
            list.append("- ").append(texts.summary(view)).append('\n')
                    .append("  ").append(address.baseUrlOutsideRequests()).append(view.openUrl()).append("\n\n");
        }
        String unsubscribe = address.baseUrlOutsideRequests() + links.pathFor(recipientId, null);
        String text = message("mail.digest.body", list.toString(), unsubscribe,
                address.baseUrlOutsideRequests() + "/account/notifications", site.name());
        mailer.send(reader.email(), message("mail.digest.subject", due.size(), site.name()), text,
                unsubscribeHeaders(unsubscribe));
        store.markEmailed(ids, clock.instant());
        store.markDigestSent(recipientId, clock.instant());
        counters.sent(NotificationCounters.Channel.MAIL);
    }

    private static Map<String, String> unsubscribeHeaders(String unsubscribe) {
        return Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private AccountView reader(long accountId) {
        try {
            return accounts.view(accountId);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private String message(String key, Object... args) {
        return texts.message(key, args);
    }
}
