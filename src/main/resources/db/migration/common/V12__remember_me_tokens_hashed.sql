-- "Keep me signed in" tokens were stored as they are in the reader's cookie: a copy of the table signed anyone in.
-- Now only their SHA-256 is kept, with the token each one replaced for a moment after it changes, so that several
-- requests arriving together with the same cookie (a browser restoring its tabs) all sign in. Plain tokens cannot
-- be turned into the new ones: readers who were remembered sign in once more.
DROP TABLE persistent_logins;

CREATE TABLE remember_me_token (
    series        VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id    BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash    VARCHAR(64) NOT NULL,
    previous_hash VARCHAR(64),
    rotated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_remember_me_token_account ON remember_me_token (account_id);
