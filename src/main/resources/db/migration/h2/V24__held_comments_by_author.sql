-- As in PostgreSQL's V24, where the index holds the held comments only (H2 has no partial indexes).
CREATE INDEX ix_comment_held_author ON comment (author_id, article_id, status);
