package org.broadsheet.article;

import org.broadsheet.article.EditingViews.EditableArticle;

/** Someone else saved the article since the editor opened it; {@code current} is what they saved. */
public class EditConflictException extends RuntimeException {

    private final transient EditableArticle current;

    public EditConflictException(EditableArticle current) {
        super("article " + current.id() + " changed since it was opened");
        this.current = current;
    }

    public EditableArticle current() {
        return current;
    }
}
