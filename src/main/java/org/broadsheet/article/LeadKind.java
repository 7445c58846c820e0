package org.broadsheet.article;

/**
 * What sits at the top of an article: a picture or a video.
 */
public enum LeadKind {
    IMAGE, VIDEO, EMBED
}
