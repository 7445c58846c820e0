/**
 * Uploaded media for articles: lead images (checked from their bytes, re-encoded, scaled for {@code srcset}),
 * MP4 videos and WebVTT captions, kept in the database or a directory and served at {@code /media/{key}/{name}}
 * (to everyone once a page readers can see shows them, see {@link org.broadsheet.media.MediaAudience}).
 * Its API is {@link org.broadsheet.media.MediaService} with its records and {@link MediaRejectedException}.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.broadsheet.media;

import org.springframework.modulith.ApplicationModule;
