/**
 * The commenting forum: threads read in a fixed number of statements and assembled in memory, every rule of
 * posting, recommending, reporting and ignoring, and the conversation under each article. It reads articles and
 * commenters through their modules' APIs.
 */
@ApplicationModule(allowedDependencies = { "article", "account", "pages", "shared" })
package org.broadsheet.comment;

import org.springframework.modulith.ApplicationModule;
