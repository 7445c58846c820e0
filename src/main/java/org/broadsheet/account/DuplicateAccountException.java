package org.broadsheet.account;

/**
 * The username or email address is already taken; {@link #field()} says which, for the form error.
 */
public class DuplicateAccountException extends RuntimeException {

    private final String field;

    public DuplicateAccountException(String field) {
        super(field + " already taken");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
