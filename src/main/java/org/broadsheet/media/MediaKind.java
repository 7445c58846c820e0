package org.broadsheet.media;

/** What an upload is. */
enum MediaKind {
    IMAGE, VIDEO, CAPTIONS
}
