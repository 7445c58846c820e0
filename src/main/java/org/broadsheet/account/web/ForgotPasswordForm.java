package org.broadsheet.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The "forgotten your password?" form: the address to send a reset link to, if an account uses it.
 */
record ForgotPasswordForm(
        @NotBlank(message = "{password.forgot.email.required}")
        @Size(max = 254, message = "{password.forgot.email.size}")
        @Email(message = "{password.forgot.email.invalid}") String email) {

    static ForgotPasswordForm empty() {
        return new ForgotPasswordForm("");
    }
}
