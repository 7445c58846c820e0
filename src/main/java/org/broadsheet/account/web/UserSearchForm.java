package org.broadsheet.account.web;

import jakarta.validation.constraints.Size;

import org.broadsheet.account.AccountAdministration;

/** The search box of the administrators' user list: part of a display name, username or email address. */
record UserSearchForm(@Size(max = AccountAdministration.MAX_SEARCH, message = "{users.search.too-long}") String q) {

    String text() {
        return q == null ? "" : q.strip();
    }
}
