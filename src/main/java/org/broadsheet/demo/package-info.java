/**
 * Demo content for the {@code demo} profile only: sections, authors, articles, demo accounts and conversations,
 * written through the other modules' public services.
 */
@ApplicationModule(allowedDependencies = { "article", "account", "comment", "following", "moderation", "shared" })
package org.broadsheet.demo;

import org.springframework.modulith.ApplicationModule;
