/**
 * Uploaded media for articles: lead images (checked from their bytes, re-encoded, scaled for {@code srcset}),
 * MP4 videos and WebVTT captions, kept in the database or a directory and served at {@code /media/{id}/{name}}.
 * Its API is {@link org.broadsheet.media.MediaService} with its records and {@link MediaRejectedException}.
 */
package org.broadsheet.media;
