package org.broadsheet.account.web;


import jakarta.validation.Valid;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.PasswordResetRequests;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Password reset by mail: asking for a link (with one answer whether or not an account uses the address),
 * and choosing a new password with it.
 */
@Controller
class PasswordResetController {

    static final String FORGOT_VIEW = "account/forgot-password";
    static final String SENT_VIEW = "account/password-reset-sent";
    static final String RESET_VIEW = "account/reset-password";
    static final String EXPIRED_VIEW = "account/password-link-expired";

    private final AccountService accounts;
    private final PasswordRules passwordRules;
    private final PasswordResetRequests resets;

    PasswordResetController(AccountService accounts, PasswordRules passwordRules, PasswordResetRequests resets) {
        this.accounts = accounts;
        this.passwordRules = passwordRules;
        this.resets = resets;
    }

    @GetMapping("/password/forgot")
    String forgot(Model model) {
        model.addAttribute("form", ForgotPasswordForm.empty());
        return FORGOT_VIEW;
    }

    @PostMapping("/password/forgot")
    String requestLink(@Valid @ModelAttribute("form") ForgotPasswordForm form, BindingResult errors) {
        if (errors.hasErrors()) {
            return FORGOT_VIEW;
        }
        resets.submit(form.email());
        return "redirect:/password/forgot/sent";
    }

    @GetMapping("/password/forgot/sent")
    String sent() {
        return SENT_VIEW;
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        if (!accounts.resetTokenUsable(token)) {
            return EXPIRED_VIEW;
        }
        model.addAttribute("form", ResetPasswordForm.forToken(token));
        return RESET_VIEW;
    }

    @PostMapping("/password/reset")
    String reset(@Valid @ModelAttribute("form") ResetPasswordForm form, BindingResult errors) {
        if (errors.hasFieldErrors("token")) {
            return EXPIRED_VIEW;
        }
        passwordRules.check("password", form.password(), errors);
        if (errors.hasErrors()) {
            // The password field is always rendered empty; the token stays in its hidden field.
            return RESET_VIEW;
        }
        if (!accounts.resetPassword(form.token(), form.password())) {
            return EXPIRED_VIEW;
        }
        return "redirect:/login?reset";
    }
}
