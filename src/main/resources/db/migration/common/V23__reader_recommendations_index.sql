-- A signed-in page asks which of its comments the reader recommended (comment_id IN the page's): with the account
-- first and the comment second, that is one probe per comment shown, however many the reader ever recommended.
-- It replaces (account_id), its prefix, for every other query that used that.
CREATE INDEX ix_comment_recommendation_account_comment ON comment_recommendation (account_id, comment_id);
DROP INDEX ix_comment_recommendation_account;
