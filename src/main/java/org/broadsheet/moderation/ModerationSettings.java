package org.broadsheet.moderation;

import org.broadsheet.account.SiteSettings;
import org.broadsheet.shared.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules set on the desk that hold comments for a moderator: the first comments of new accounts, comments with
 * links, and comments of readers whose address is not verified (the site setting {@code comments.hold-unverified});
 * and how many approved comments make a reader trusted.
 */
@Service
@Transactional
public class ModerationSettings {

    public static final int MAX_COUNT = 100;

    private final JdbcClient jdbc;
    private final SiteSettings site;
    private final ApplicationEventPublisher events;

    ModerationSettings(JdbcClient jdbc, SiteSettings site, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.site = site;
        this.events = events;
    }

    /**
     * @param newAccountHolds the first this many comments of an account wait for a moderator (0: none)
     * @param trustedAfter this many published comments and no rejection make a reader trusted (0: never)
     */
    public record Rules(int newAccountHolds, int trustedAfter, boolean holdLinks, boolean holdUnverified) {
    }

    @Transactional(readOnly = true)
    public Rules rules() {
        return jdbc.sql("SELECT new_account_holds, trusted_after, hold_links FROM moderation_settings WHERE id = 1")
                .query((rs, n) -> new Rules(rs.getInt("new_account_holds"), rs.getInt("trusted_after"),
                        rs.getBoolean("hold_links"), site.holdUnverifiedComments()))
                .single();
    }

    public void change(Rules rules, String moderator) {
        jdbc.sql("""
                UPDATE moderation_settings SET new_account_holds = :holds, trusted_after = :trusted,
                  hold_links = :links WHERE id = 1""")
                .param("holds", clamp(rules.newAccountHolds())).param("trusted", clamp(rules.trustedAfter()))
                .param("links", rules.holdLinks()).update();
        site.holdUnverifiedComments(rules.holdUnverified());
        events.publishEvent(new AuditEvent(moderator, "moderation.rules", "rules",
                "new accounts " + clamp(rules.newAccountHolds()) + ", trusted after " + clamp(rules.trustedAfter())
                        + ", links " + (rules.holdLinks() ? "held" : "published") + ", unverified "
                        + (rules.holdUnverified() ? "held" : "published")));
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(MAX_COUNT, value));
    }
}
