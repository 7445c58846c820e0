/**
 * What readers read: articles, sections, authors and tags as pages of records ({@link org.broadsheet.article.ArticleService},
 * {@link org.broadsheet.article.ArticleLists}, {@link org.broadsheet.article.FrontPages}, cards by
 * {@link org.broadsheet.article.ArticleCards}), feeds and sitemaps, corrections; Markdown rendered and sanitized on save. Which uploads readers
 * may see is answered here for the media module ({@link org.broadsheet.media.MediaAudience}).
 */
@ApplicationModule(allowedDependencies = { "media", "pages", "shared" })
package org.broadsheet.article;

import org.springframework.modulith.ApplicationModule;
