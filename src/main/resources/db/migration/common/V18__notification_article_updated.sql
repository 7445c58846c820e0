-- A notification kind of its own for an update note on an article (a correction stays CORRECTION).
ALTER TABLE notification DROP CONSTRAINT ck_notification_kind;
ALTER TABLE notification ADD CONSTRAINT ck_notification_kind CHECK (kind IN ('REPLY', 'FOLLOWED_COMMENT',
    'STORY_COMMENTS', 'RECOMMENDED', 'STAFF_REPLY', 'CORRECTION', 'ARTICLE_UPDATED'));
