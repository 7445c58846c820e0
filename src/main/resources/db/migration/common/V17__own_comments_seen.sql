-- When a reader last looked at their own comments (/account/comments): replies since then are marked new.
CREATE TABLE own_comments_seen (
    account_id BIGINT NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
