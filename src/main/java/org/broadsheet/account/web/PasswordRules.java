package org.broadsheet.account.web;

import org.broadsheet.account.PasswordPolicy;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Applies the password policy to a form field, for every form that sets a password (registration, reset,
 * change), so they all give the same answers.
 */
@Component
class PasswordRules {

    private final PasswordPolicy policy;

    PasswordRules(PasswordPolicy policy) {
        this.policy = policy;
    }

    void check(String field, String password, Errors errors, String... personal) {
        if (errors.hasFieldErrors(field) || password == null || password.isEmpty()) {
            return;
        }
        policy.problem(password, personal).ifPresent(problem -> errors.rejectValue(field, problem,
                new Object[] { PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH }, problem));
    }
}
