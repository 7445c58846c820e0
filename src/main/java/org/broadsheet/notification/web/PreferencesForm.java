package org.broadsheet.notification.web;

import java.util.EnumSet;
import java.util.Set;

import org.broadsheet.notification.NotificationKind;

/**
 * The reader's choices on {@code /account/notifications}: the kinds they want on the site, those by mail, and
 * whether mails come at once or in a daily digest. An unticked box sends nothing, so a missing list is empty.
 */
record PreferencesForm(Set<NotificationKind> site, Set<NotificationKind> email, Boolean digest) {

    PreferencesForm {
        site = site == null || site.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(site);
        email = email == null || email.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(email);
        digest = Boolean.TRUE.equals(digest);
    }
}
