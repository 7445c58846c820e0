package org.broadsheet.notification;

/** Events of the notifications module. */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    /**
     * A notification was made whose reader wants it by mail at once; durable, so that a mail server that fails
     * is tried again later, also after a restart.
     */
    public record NotificationMailDue(long notificationId) {
    }

    /**
     * A notification must go to one of its reader's devices by browser push; durable, one per device, so that a
     * push service that fails for one device is tried again for that device only.
     */
    public record NotificationPushDue(long notificationId, long subscriptionId) {
    }

    /** A reader's unread count changed (a notification was made, or read): their open pages may show it. */
    public record UnreadChanged(long recipientId) {
    }
}
