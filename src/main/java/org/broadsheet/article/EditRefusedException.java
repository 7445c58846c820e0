package org.broadsheet.article;

/**
 * The article module refuses what a desk form asked for, such as an address already taken, a section placed
 * under itself or an unknown author; {@code field} names the form field the message belongs next to (null for
 * the whole form).
 */
public class EditRefusedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public EditRefusedException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
