package org.broadsheet.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.broadsheet.account.AccountViews.AccountView;

/**
 * The profile part of the settings page: how the reader appears to others.
 */
record ProfileForm(
        @NotBlank(message = "{register.displayName.required}")
        @Size(max = 60, message = "{register.displayName.size}") String displayName,
        @Size(max = 500, message = "{settings.bio.size}") String bio,
        Boolean profilePublic) {

    ProfileForm {
        // Browsers send line breaks as CRLF but count them as one character against maxlength.
        bio = bio == null ? null : bio.replace("\r\n", "\n");
        // An unticked box sends nothing at all when the page's hidden marker field is missing.
        profilePublic = Boolean.TRUE.equals(profilePublic);
    }

    static ProfileForm of(AccountView account) {
        return new ProfileForm(account.displayName(), account.bio() == null ? "" : account.bio(),
                account.profilePublic());
    }
}
