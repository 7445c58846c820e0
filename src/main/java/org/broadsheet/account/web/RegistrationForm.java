package org.broadsheet.account.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.broadsheet.shared.web.ContinuePaths;

/**
 * The registration form. {@code continuePath} and {@code comment} carry the reader back to the article and
 * comment they were writing when they chose to join.
 */
record RegistrationForm(
        @NotBlank(message = "{register.username.required}")
        @Size(min = 3, max = 30, message = "{register.username.size}")
        @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{register.username.pattern}") String username,
        @NotBlank(message = "{register.displayName.required}")
        @Size(max = 60, message = "{register.displayName.size}") String displayName,
        @NotBlank(message = "{register.email.required}")
        @Size(max = 254, message = "{register.email.size}")
        @Email(message = "{register.email.invalid}") String email,
        @NotBlank(message = "{register.password.required}") String password,
        // Boolean, not boolean: a post without the checkbox (and without the marker field browsers send with it)
        // must be a form error, and constructor binding cannot make a record at all from a missing primitive.
        @NotNull(message = "{register.guidelines.required}")
        @AssertTrue(message = "{register.guidelines.required}") Boolean acceptGuidelines,
        String continuePath,
        @Size(max = 5000, message = "{register.comment.size}") String comment) {

    RegistrationForm {
        // Whatever was posted, the form only ever holds a path on this site: it is shown again in the page and
        // used for the redirect and the pending comment.
        continuePath = ContinuePaths.safe(continuePath);
    }

    static RegistrationForm empty(String continuePath, String comment) {
        return new RegistrationForm("", "", "", "", false, continuePath, comment);
    }
}
