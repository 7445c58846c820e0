/**
 * The data generator for speed at scale: fills an empty PostgreSQL database (migrated by Flyway as usual) with
 * generated sections, authors, tags, accounts, articles, conversations and recommendations, through
 * {@code COPY}, with every counter consistent. Active only with the {@code generate} profile, which exits when
 * done; never part of the demo or production site.
 */
@ApplicationModule(allowedDependencies = { "article", "comment", "shared" })
package org.broadsheet.generator;

import org.springframework.modulith.ApplicationModule;
