/**
 * Full-text search over published articles: PostgreSQL's own text search there, a weighted ranking on H2.
 */
@ApplicationModule(allowedDependencies = { "article", "shared" })
package org.broadsheet.search;

import org.springframework.modulith.ApplicationModule;
