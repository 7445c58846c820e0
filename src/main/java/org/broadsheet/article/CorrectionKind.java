package org.broadsheet.article;

/**
 * What a note added to a published article is: a correction of a mistake, an update with news that came later,
 * or a clarification of something that could be misread.
 */
public enum CorrectionKind {
    CORRECTION, UPDATE, CLARIFICATION
}
