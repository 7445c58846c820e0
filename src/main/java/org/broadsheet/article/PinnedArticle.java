package org.broadsheet.article;

/** A visible article pinned to the front page, with its place there. */
record PinnedArticle(Article article, PinSlot slot, int position) {
}
