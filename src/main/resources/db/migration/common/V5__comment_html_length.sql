-- A comment's HTML can be much longer than its text: every character of a link is escaped twice (in the
-- address and as the link's text), so 5,000 characters can become about 60,000.
ALTER TABLE comment ALTER COLUMN body_html SET DATA TYPE VARCHAR(100000);
