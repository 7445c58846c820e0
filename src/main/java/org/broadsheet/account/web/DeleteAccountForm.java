package org.broadsheet.account.web;

import jakarta.validation.constraints.NotBlank;

/**
 * Deleting an account takes the password, so that a moment at an unlocked computer is not enough.
 */
record DeleteAccountForm(@NotBlank(message = "{settings.password.required}") String deletePassword) {

    static final DeleteAccountForm EMPTY = new DeleteAccountForm("");
}
