-- The front page's pins as one thing editors change: every change to them counts this row up, and a change is
-- saved only over the count the editor's desk page showed, so an editor on a stale page cannot silently undo
-- another editor's pins. Updating the row also locks it, so two changes to the pins never interleave.
CREATE TABLE front_page (
    id      INTEGER PRIMARY KEY,
    version BIGINT  NOT NULL,
    CONSTRAINT ck_front_page_one_row CHECK (id = 1)
);

INSERT INTO front_page (id, version) VALUES (1, 0);
