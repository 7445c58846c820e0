package org.broadsheet.account.web;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.broadsheet.account.AccountAdministration;
import org.broadsheet.account.AccountAdministration.RoleChange;
import org.broadsheet.account.AccountViews.AccountSummary;
import org.broadsheet.account.RoleChangeRefusedException;
import org.broadsheet.shared.PagedResult;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The administrators' user list at {@code /admin/users}: find accounts, open one and change its roles. The rules
 * (not your own ADMIN role, not the last administrator, not over someone else's change) live in
 * {@link AccountAdministration}; a refusal is shown next to the form and nothing is changed.
 */
@Controller
class UserAdminController {

    static final String LIST_VIEW = "account/admin-users";
    static final String ACCOUNT_VIEW = "account/admin-user";
    static final String SEARCH_FORM = "search";
    static final String ROLES_FORM = "rolesForm";
    /** Flash attributes the admin layout prints: a message key and its argument. */
    static final String NOTICE = "notice";
    static final String NOTICE_NAME = "noticeName";
    private static final int MAX_PAGE = 10_000;

    private final AccountAdministration administration;

    UserAdminController(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/admin/users")
    String list(@Valid @ModelAttribute(SEARCH_FORM) UserSearchForm search, BindingResult errors,
            @RequestParam(defaultValue = "1") int page, Model model) {
        if (page < 1 || page > MAX_PAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no such page");
        }
        model.addAttribute("users", errors.hasErrors()
                ? new PagedResult<AccountSummary>(List.of(), 1, AccountAdministration.PAGE_SIZE, 0)
                : administration.search(search.text(), page));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/admin/users")
                .queryParamIfPresent("q", Optional.of(search.text()).filter(q -> !q.isEmpty()))
                .encode().build().toUriString());
        return LIST_VIEW;
    }

    @GetMapping("/admin/users/{id}")
    String account(@PathVariable long id, Authentication authentication, Model model) {
        AccountSummary account = administration.account(id);
        model.addAttribute(ROLES_FORM, RolesForm.of(account));
        return accountPage(account, authentication, model);
    }

    @PostMapping("/admin/users/{id}/roles")
    String changeRoles(@PathVariable long id, @ModelAttribute(ROLES_FORM) RolesForm form, BindingResult errors,
            Authentication authentication, Model model, RedirectAttributes redirect) {
        // Only a hand-made request sends an unknown role or no version: nothing to show next to the boxes.
        if (errors.hasErrors() || form == null || form.version() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed roles");
        }
        try {
            RoleChange change = administration.changeRoles(authentication.getName(), id, form.version(),
                    form.roles());
            redirect.addFlashAttribute(NOTICE, change.changed() ? "users.roles.saved" : "users.roles.unchanged");
            redirect.addFlashAttribute(NOTICE_NAME, change.displayName());
            return "redirect:/admin/users/" + id;
        } catch (RoleChangeRefusedException e) {
            // Nothing changed: the boxes show the roles as they are now, under the reason.
            AccountSummary account = administration.account(id);
            model.addAttribute(ROLES_FORM, RolesForm.of(account));
            model.addAttribute("refusal", "users.roles.refused." + e.reason().name());
            return accountPage(account, authentication, model);
        }
    }

    /** The form's address shows after a refusal; opened again later, it leads back to the account. */
    @GetMapping("/admin/users/{id}/roles")
    String backToAccount(@PathVariable long id) {
        return "redirect:/admin/users/" + id;
    }

    private String accountPage(AccountSummary account, Authentication authentication, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("staffRoles", AccountAdministration.STAFF_ROLES);
        model.addAttribute("self", account.username().equalsIgnoreCase(authentication.getName()));
        return ACCOUNT_VIEW;
    }
}
