/**
 * The editors' desk ({@code /admin/articles}): the list of every article, and (to come) the forms that write,
 * publish and correct them; and the catalogue ({@code /admin/authors}, {@code /admin/sections}, {@code /admin/tags},
 * {@code /admin/front-page}). It calls the articles module's public services, and the accounts module's only to
 * find the reader account an author is linked to.
 */
@ApplicationModule(allowedDependencies = { "article", "media", "account", "shared" })
package org.broadsheet.editorial;

import org.springframework.modulith.ApplicationModule;
