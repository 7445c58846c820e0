package org.broadsheet.notification.push;

import java.io.IOException;
import java.time.Clock;

import org.broadsheet.notification.NotificationCounters;
import org.broadsheet.notification.NotificationEvents.NotificationPushDue;
import org.broadsheet.notification.NotificationService;
import org.broadsheet.notification.NotificationService.NotificationView;
import org.broadsheet.notification.NotificationTexts;
import org.broadsheet.shared.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a notification to one device by browser push, through the event publication registry: a push service
 * that is down or asks to wait (429, 5xx, no answer) makes the listener fail, and the registry tries again later
 * with a growing wait ({@code EventRetries}); one that says the subscription is gone (404, 410) has it removed; one
 * that refuses the message for good (another 4xx) is logged, not tried again. A notification read on the site in
 * the meantime is not pushed.
 */
@Component
class PushDelivery {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);

    private final PushSubscriptions subscriptions;
    private final PushSettings settings;
    private final NotificationService notifications;
    private final NotificationTexts texts;
    private final SiteProperties site;
    private final Clock clock;
    private final JsonMapper json;
    private final NotificationCounters counters;

    PushDelivery(PushSubscriptions subscriptions, PushSettings settings, NotificationService notifications,
            NotificationTexts texts, SiteProperties site, JsonMapper json, NotificationCounters counters,
            Clock clock) {
        this.counters = counters;
        this.json = json;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.notifications = notifications;
        this.texts = texts;
        this.site = site;
        this.clock = clock;
    }

    /** Without a transaction of its own: no connection is held while the push service answers. */
    @Async
    @TransactionalEventListener
    void on(NotificationPushDue event) throws IOException, InterruptedException {
        PushSubscriptions.Row device = subscriptions.find(event.subscriptionId()).orElse(null);
        if (device == null || !settings.enabled()) {
            return; // removed since, or push switched off
        }
        NotificationView notification = notifications.one(device.accountId(), event.notificationId())
                .filter(NotificationView::unread).orElse(null);
        if (notification == null) {
            return; // read on the site already, or gone
        }
        byte[] payload = json.writeValueAsBytes(new Message(site.name(), texts.summary(notification),
                notification.openUrl(), "notification-" + notification.id()));
        int status = settings.push().send(new WebPush.Target(device.endpoint(), device.p256dh(), device.auth()),
                payload);
        if (status >= 200 && status < 300) {
            subscriptions.sent(device.id(), clock.instant());
            counters.sent(NotificationCounters.Channel.PUSH);
        } else if (status == 404 || status == 410) {
            log.info("Push service says device {} of account {} is gone ({}): removed", device.id(),
                    device.accountId(), status);
            subscriptions.forget(device.id());
        } else if (status == 429 || status >= 500) {
            throw new IllegalStateException("The push service answered " + status + "; trying again later");
        } else {
            log.warn("The push service refused notification {} for device {} ({}); not trying again",
                    notification.id(), device.id(), status);
        }
    }

    /** What the service worker is given to show (static/sw.js); {@code url} is a path on the site. */
    record Message(String title, String body, String url, String tag) {
    }
}
