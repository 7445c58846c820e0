package org.broadsheet.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The new password, with the token of the mailed link carried in a hidden field. The password policy is
 * applied by {@link PasswordRules}; a missing or oversized token means the link cannot work.
 */
record ResetPasswordForm(
        @NotBlank @Size(max = 100) String token,
        @NotBlank(message = "{password.reset.password.required}") String password) {

    static ResetPasswordForm forToken(String token) {
        return new ResetPasswordForm(token, "");
    }
}
