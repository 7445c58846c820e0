package org.broadsheet.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new email address, confirmed with the current password. The field names are unique on the settings page,
 * which holds several forms.
 */
record EmailForm(
        @NotBlank(message = "{register.email.required}")
        @Size(max = 254, message = "{register.email.size}")
        @Email(message = "{register.email.invalid}") String newEmail,
        @NotBlank(message = "{settings.password.required}") String emailPassword) {

    static final EmailForm EMPTY = new EmailForm("", "");
}
