/**
 * Notifications: what concerns a reader (a reply, a comment by a reader they follow, new comments on a story they
 * follow, recommendations, a staff reply in their thread, a correction), made from the domain events through the
 * event publication registry, shown in the notification centre and the header's unread count, and mailed at
 * once or in a daily digest as each reader chose, with a one-click unsubscribe link per kind.
 */
@ApplicationModule(allowedDependencies = { "account", "article", "comment", "following", "mail", "moderation", "pages", "shared" })
package org.broadsheet.notification;

import org.springframework.modulith.ApplicationModule;
