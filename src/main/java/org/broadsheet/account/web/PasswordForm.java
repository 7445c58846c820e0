package org.broadsheet.account.web;

import jakarta.validation.constraints.NotBlank;

/**
 * A new password, confirmed with the current one; the password policy is applied by {@link PasswordRules}.
 */
record PasswordForm(
        @NotBlank(message = "{settings.password.required}") String currentPassword,
        @NotBlank(message = "{settings.newPassword.required}") String newPassword) {

    static final PasswordForm EMPTY = new PasswordForm("", "");
}
