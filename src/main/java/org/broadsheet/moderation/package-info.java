/**
 * The moderation desk: the queues of held and reported comments and of review requests, the rules that hold or
 * refuse comments (pre-moderated articles, new accounts, links, unverified addresses, banned and suspect words),
 * sanctions (warnings, suspensions, bans), moderators' notes on readers, trusted readers, and what readers see of
 * moderation: their sanctions and their requests for a review. It decides on comments through the comments
 * module's {@code CommentDecisions}, and the comments module asks it through {@code ModerationRules}.
 */
@ApplicationModule(allowedDependencies = { "comment", "account", "article", "pages", "shared" })
package org.broadsheet.moderation;

import org.springframework.modulith.ApplicationModule;
