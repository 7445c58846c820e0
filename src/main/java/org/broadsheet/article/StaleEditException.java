package org.broadsheet.article;

/** Someone else saved the author or section since the editor opened its form; nothing was changed. */
public class StaleEditException extends RuntimeException {

    public StaleEditException(String what) {
        super(what + " changed since it was opened");
    }
}
