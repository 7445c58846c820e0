/**
 * What readers read: articles, sections, authors and tags as pages of records ({@link org.broadsheet.article.ArticleService}),
 * feeds and sitemaps, corrections, the front page; Markdown rendered and sanitized on save. Which uploads readers
 * may see is answered here for the media module ({@link org.broadsheet.media.MediaAudience}).
 */
@ApplicationModule(allowedDependencies = { "media", "pages", "shared" })
package org.broadsheet.article;

import org.springframework.modulith.ApplicationModule;
