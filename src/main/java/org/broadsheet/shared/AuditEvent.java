package org.broadsheet.shared;

/**
 * Something a member of staff did that administrators can later read in the audit log: published an article,
 * changed someone's roles. Published inside the transaction that makes the change, and recorded in it, so that
 * the log and the change are stored together or not at all.
 *
 * @param actor the username of who did it
 * @param action a short code, such as {@code article.published} or {@code account.roles}
 * @param target what it was done to, as people read it (a headline, a username)
 * @param detail anything else worth knowing (old and new roles), or null
 */
public record AuditEvent(String actor, String action, String target, String detail) {
}
