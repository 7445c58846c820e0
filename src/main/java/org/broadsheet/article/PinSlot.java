package org.broadsheet.article;

/** Where a pinned story goes on the front page: the lead story, or one of the top stories. */
enum PinSlot {
    LEAD, TOP
}
