-- The WebP copies of an uploaded lead picture's scaled versions, offered to the browsers that take WebP.
ALTER TABLE article ADD COLUMN lead_webp_srcset VARCHAR(2000);
