-- PostgreSQL's own full-text search: a weighted document vector kept up to date by the database.
ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(standfirst, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(body_text, '')), 'C')
) STORED;

CREATE INDEX ix_article_search ON article USING GIN (search_vector);
