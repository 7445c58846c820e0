-- Speed at scale (issue 15; plans in docs/performance.md, checked by generator.QueryPlansPostgresTests).
-- Section pages read a page's ids and the section's count from this index alone (an index-only scan in
-- PostgreSQL), so a deep page skips its offset without reading article rows; it replaces (status, published_at),
-- its prefix, for every other query that used that.
CREATE INDEX ix_article_listing ON article (status, published_at, id, primary_section_id);
DROP INDEX ix_article_status_published;
-- "More on this story" reads the latest articles with a tag from this index (ArticleRepository.findRelatedIds).
CREATE INDEX ix_article_tag_tag_article ON article_tag (tag_id, article_id);
DROP INDEX ix_article_tag_tag;
