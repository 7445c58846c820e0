package org.broadsheet.account.web;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.broadsheet.account.AccountViews.AccountSummary;
import org.broadsheet.account.Role;

/**
 * The roles checkboxes on an account's admin page, with the version of the account they were shown for.
 * READER is not among them: every account holds it.
 */
record RolesForm(Set<Role> roles, Long version) {

    RolesForm {
        // No box ticked sends no value; an empty value converts to null.
        roles = roles == null ? EnumSet.noneOf(Role.class)
                : roles.stream().filter(Objects::nonNull).filter(Role::staff)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    static RolesForm of(AccountSummary account) {
        return new RolesForm(Set.copyOf(account.roles()), account.version());
    }
}
