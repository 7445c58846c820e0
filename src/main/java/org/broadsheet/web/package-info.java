/**
 * The site as a whole: security rules and headers, the layout's model, the anonymous page cache and signed-in
 * pages, canonical addresses, error pages and the staff desk home.
 */
@ApplicationModule(allowedDependencies = { "account", "article", "pages", "shared" })
package org.broadsheet.web;

import org.springframework.modulith.ApplicationModule;
