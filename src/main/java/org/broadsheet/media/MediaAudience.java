package org.broadsheet.media;

/**
 * Who may see an upload, answered by the module whose pages show it (the articles module): everyone once a page
 * readers can see names it (a published article's lead or body, an author's photo), otherwise only staff, so that
 * the pictures of a draft or of an abandoned upload do not reach the public before the story does.
 */
public interface MediaAudience {

    /** Whether a page readers can see now names the upload with this key. */
    boolean isPublic(String key);
}
