package org.broadsheet.notification;

import org.broadsheet.account.PersonalDataContributor;
import org.springframework.stereotype.Component;

/** A reader's notifications and choices in their "download my data" export. */
@Component
class NotificationsElsewhere implements PersonalDataContributor {

    private final NotificationService notifications;

    NotificationsElsewhere(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public Object dataFor(long accountId) {
        return notifications.exportFor(accountId);
    }
}
