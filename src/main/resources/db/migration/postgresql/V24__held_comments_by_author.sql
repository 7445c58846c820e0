-- A signed-in article page shows the reader their own comments waiting for a moderator there: found here among
-- the held comments only, by author and article, not by scanning every held comment of the site (ix_comment_status)
-- or every comment of the reader (ix_comment_author).
CREATE INDEX ix_comment_held_author ON comment (author_id, article_id) WHERE status = 'HELD';
