/**
 * Following: a reader follows other readers (their comments reach the Following page and, as notifications, the
 * follower) and stories (new comments on the article). Nobody follows a reader who ignores them or whom they
 * ignore; ignoring ends the follow both ways, in the same commit.
 */
@ApplicationModule(allowedDependencies = { "account", "article", "comment", "pages", "shared" })
package org.broadsheet.following;

import org.springframework.modulith.ApplicationModule;
