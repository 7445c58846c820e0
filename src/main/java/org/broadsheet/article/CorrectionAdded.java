package org.broadsheet.article;

/**
 * An editor added a correction, update or clarification to a published article: published in the transaction
 * that stores it, so that the readers who commented on the article can be told.
 */
public record CorrectionAdded(long articleId, long correctionId, CorrectionKind kind) {
}
