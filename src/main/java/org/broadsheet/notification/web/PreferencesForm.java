package org.broadsheet.notification.web;

import java.util.EnumSet;
import java.util.Set;

import org.broadsheet.notification.NotificationKind;

/**
 * The reader's choices on {@code /account/notifications}: the kinds they want on the site, by mail and by browser
 * push, and whether mails come at once or in a daily digest. An unticked box sends nothing, so a missing list is
 * empty.
 */
record PreferencesForm(Set<NotificationKind> site, Set<NotificationKind> email, Set<NotificationKind> push,
        Boolean digest) {

    PreferencesForm {
        site = kinds(site);
        email = kinds(email);
        push = kinds(push);
        digest = Boolean.TRUE.equals(digest);
    }

    private static Set<NotificationKind> kinds(Set<NotificationKind> chosen) {
        return chosen == null || chosen.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(chosen);
    }
}
