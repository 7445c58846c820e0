/**
 * Pages that are the same for every reader but for their parts, and the cache that keeps them. A handler marks
 * such a page {@link org.broadsheet.pages.CacheablePage}, says what it shows with {@link org.broadsheet.pages.PageTags},
 * and its template places the parts that differ between readers ({@link org.broadsheet.pages.PagePart}, with the
 * {@code bs:} attributes). The page is rendered once for everyone, kept by address and bounded in bytes, served to
 * anonymous readers from memory and to signed-in readers with their parts filled in; a
 * {@link org.broadsheet.shared.ContentChangedEvent} drops the pages tagged with what changed.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.broadsheet.pages;

import org.springframework.modulith.ApplicationModule;
