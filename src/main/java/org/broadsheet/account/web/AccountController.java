package org.broadsheet.account.web;

import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUser;
import org.broadsheet.account.AccountViews.AccountView;
import org.broadsheet.account.DuplicateAccountException;
import org.broadsheet.shared.Datelines;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.CompositeLogoutHandler;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reader's own account: the settings page and its forms (profile, email address, password, deletion), the
 * personal data download, and the email verification link. Each form posts on its own and redirects with a
 * notice; on an error the settings page is shown again with that form's errors and the others filled in.
 */
@Controller
class AccountController {

    static final String SETTINGS_VIEW = "account/settings";
    static final String VERIFIED_VIEW = "account/verified";
    static final String VERIFY_FAILED_VIEW = "account/verify-failed";
    static final String DELETED_VIEW = "account/deleted";
    static final String PROFILE_FORM = "profileForm";
    static final String EMAIL_FORM = "emailForm";
    static final String PASSWORD_FORM = "passwordForm";
    static final String DELETE_FORM = "deleteForm";
    /** Flash attributes: the message key of the notice shown after a change, and its argument. */
    static final String NOTICE = "notice";
    static final String NOTICE_ARG = "noticeArg";
    private static final String TO_SETTINGS = "redirect:/account";
    private static final String WRONG_PASSWORD = "settings.password.wrong";

    // The account's remembered sign-ins are already gone with it; this ends the session and drops the cookie.
    private static final LogoutHandler SIGN_OUT = new CompositeLogoutHandler(
            new CookieClearingLogoutHandler("remember-me"), new SecurityContextLogoutHandler());

    private final AccountService accounts;
    private final PasswordRules passwordRules;
    private final SignInSupport signIn;
    private final Datelines datelines;

    AccountController(AccountService accounts, PasswordRules passwordRules, SignInSupport signIn,
            Datelines datelines) {
        this.accounts = accounts;
        this.passwordRules = passwordRules;
        this.signIn = signIn;
        this.datelines = datelines;
    }

    @GetMapping("/account")
    String settings(@AuthenticationPrincipal AccountUser user, Model model) {
        return settingsPage(accounts.view(user.id()), model);
    }

    @PostMapping("/account/profile")
    String updateProfile(@AuthenticationPrincipal AccountUser user,
            @Valid @ModelAttribute(PROFILE_FORM) ProfileForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return settingsPage(accounts.view(user.id()), model);
        }
        accounts.updateProfile(user.id(), form.displayName(), form.bio(), form.profilePublic());
        // Signed in again so that the header shows the new display name at once.
        signIn.signIn(user.getUsername(), request, response);
        redirect.addFlashAttribute(NOTICE, "settings.profile.saved");
        return TO_SETTINGS;
    }

    @PostMapping("/account/email")
    String changeEmail(@AuthenticationPrincipal AccountUser user, @Valid @ModelAttribute(EMAIL_FORM) EmailForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        AccountView account = accounts.view(user.id());
        if (!errors.hasFieldErrors("newEmail") && account.email().equalsIgnoreCase(form.newEmail().strip())) {
            errors.rejectValue("newEmail", "settings.newEmail.same");
        }
        if (!errors.hasErrors()) {
            try {
                if (accounts.changeEmail(user.id(), form.emailPassword(), form.newEmail())) {
                    redirect.addFlashAttribute(NOTICE, "settings.email.changed");
                    redirect.addFlashAttribute(NOTICE_ARG, form.newEmail().strip());
                    return TO_SETTINGS;
                }
                errors.rejectValue("emailPassword", WRONG_PASSWORD);
            } catch (DuplicateAccountException e) {
                errors.rejectValue("newEmail", "settings.newEmail.taken");
            }
        }
        return settingsPage(account, model);
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal AccountUser user,
            @Valid @ModelAttribute(PASSWORD_FORM) PasswordForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        AccountView account = accounts.view(user.id());
        passwordRules.check("newPassword", form.newPassword(), errors, account.username(), account.email());
        if (!errors.hasErrors()) {
            if (accounts.changePassword(user.id(), form.currentPassword(), form.newPassword())) {
                redirect.addFlashAttribute(NOTICE, "settings.password.changed");
                return TO_SETTINGS;
            }
            errors.rejectValue("currentPassword", WRONG_PASSWORD);
        }
        return settingsPage(account, model);
    }

    @PostMapping("/account/delete")
    String delete(@AuthenticationPrincipal AccountUser user,
            @Valid @ModelAttribute(DELETE_FORM) DeleteAccountForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            if (accounts.delete(user.id(), form.deletePassword())) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                SIGN_OUT.logout(request, response, authentication);
                return "redirect:/account-deleted";
            }
            errors.rejectValue("deletePassword", WRONG_PASSWORD);
        }
        return settingsPage(accounts.view(user.id()), model);
    }

    /** The forms' addresses show after an error; opened again later, they lead back to the settings page. */
    @GetMapping({ "/account/profile", "/account/email", "/account/password", "/account/delete",
            "/account/verify/resend" })
    String backToSettings() {
        return TO_SETTINGS;
    }

    /** Public, as the reader is signed out by then; it says only what deleting an account does. */
    @GetMapping("/account-deleted")
    String deleted() {
        return DELETED_VIEW;
    }

    @GetMapping(path = "/account/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> personalData(@AuthenticationPrincipal AccountUser user) {
        ContentDisposition attachment = ContentDisposition.attachment()
                .filename("broadsheet-" + user.getUsername() + ".json").build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
                .cacheControl(CacheControl.noStore()).body(accounts.personalData(user.id()));
    }

    @PostMapping("/account/verify/resend")
    String resendVerification(@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        accounts.resendVerification(user.id());
        redirect.addFlashAttribute(NOTICE, "settings.verify.sent");
        return TO_SETTINGS;
    }

    /** The link mailed to confirm an address; public, as it is often opened on another device. */
    @GetMapping("/account/verify")
    String verify(@RequestParam(required = false) String token, Model model) {
        return accounts.verifyEmail(token).map(username -> {
            model.addAttribute("username", username);
            return VERIFIED_VIEW;
        }).orElse(VERIFY_FAILED_VIEW);
    }

    private String settingsPage(AccountView account, Model model) {
        model.addAttribute("account", account);
        // Whole seconds: an HTML datetime allows at most three decimals, and the clock may give six.
        model.addAttribute("memberSince", datelines.of(account.createdAt().truncatedTo(ChronoUnit.SECONDS)));
        // The form that was posted is already in the model with its errors; the others start afresh.
        Map.of(PROFILE_FORM, ProfileForm.of(account), EMAIL_FORM, EmailForm.EMPTY, PASSWORD_FORM,
                PasswordForm.EMPTY, DELETE_FORM, DeleteAccountForm.EMPTY).forEach((name, form) -> {
                    if (!model.containsAttribute(name)) {
                        model.addAttribute(name, form);
                    }
                });
        return SETTINGS_VIEW;
    }
}
