package org.broadsheet.account.web;

import java.beans.PropertyEditorSupport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUser;
import org.broadsheet.account.AccountViews.AccountView;
import org.broadsheet.account.AccountViews.Registration;
import org.broadsheet.account.DuplicateAccountException;
import org.broadsheet.account.PendingComment;
import org.broadsheet.shared.web.ContinuePaths;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registration: the form, and on success a reader who is already signed in and thanked, with a way back to
 * the article and the comment they were writing.
 */
@Controller
class RegistrationController {

    static final String FORM_VIEW = "account/register";
    static final String THANKS_VIEW = "account/register-thanks";

    private final AccountService accounts;
    private final PasswordRules passwordRules;
    private final SignInSupport signIn;

    RegistrationController(AccountService accounts, PasswordRules passwordRules, SignInSupport signIn) {
        this.accounts = accounts;
        this.passwordRules = passwordRules;
        this.signIn = signIn;
    }

    @InitBinder("form")
    void acceptanceIsTrueOrFalse(WebDataBinder binder) {
        // A tampered value such as "maybe" means "not accepted". As a conversion failure it would leave the model
        // without a form to show again (constructor binding makes no record when an argument fails).
        binder.registerCustomEditor(Boolean.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue("true".equalsIgnoreCase(text) || "on".equalsIgnoreCase(text));
            }
        });
    }

    @GetMapping("/register")
    String form(@RequestParam(name = "continue", required = false) String next,
            @RequestParam(required = false) String comment, @AuthenticationPrincipal AccountUser user,
            Model model) {
        if (user != null) {
            return "redirect:" + ContinuePaths.safeOr(next, "/account");
        }
        model.addAttribute("form", RegistrationForm.empty(next, comment));
        return FORM_VIEW;
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        passwordRules.check("password", form.password(), errors, form.username(), form.email());
        if (!errors.hasErrors()) {
            try {
                AccountView account = accounts.register(new Registration(form.username(), form.displayName(),
                        form.email(), form.password()));
                signIn.signIn(account.username(), request, response);
                keepPendingComment(form, request);
                redirect.addAttribute("continue", form.continuePath());
                return "redirect:/register/thanks";
            } catch (DuplicateAccountException e) {
                errors.rejectValue(e.field(), "register." + e.field() + ".taken");
            }
        }
        // The form is shown again from the binding result: typed values kept, the password never (see forms.html).
        return FORM_VIEW;
    }

    @GetMapping("/register/thanks")
    String thanks(@RequestParam(name = "continue", required = false) String next,
            @AuthenticationPrincipal AccountUser user, Model model) {
        if (user == null) {
            return "redirect:/register";
        }
        model.addAttribute("continuePath", ContinuePaths.safe(next));
        model.addAttribute("user", user);
        return THANKS_VIEW;
    }

    private static void keepPendingComment(RegistrationForm form, HttpServletRequest request) {
        if (form.continuePath() != null && form.comment() != null && !form.comment().isBlank()) {
            request.getSession().setAttribute(PendingComment.SESSION_ATTRIBUTE, new PendingComment(form.continuePath(), form.comment()));
        }
    }

}
