package org.broadsheet.editorial.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.broadsheet.article.Catalogue;
import org.broadsheet.article.Catalogue.AuthorChange;
import org.broadsheet.article.Catalogue.AuthorDetails;

/**
 * An author's profile as the form posts it. The photo is a picture on this site (its path), as the site's
 * Content-Security-Policy shows no pictures from elsewhere; the linked account is given by its username.
 */
record AuthorForm(
        @NotBlank(message = "{catalogue.name.required}")
        @Size(max = 120, message = "{catalogue.name.size}") String name,
        @Size(max = Catalogue.SLUG_MAX, message = "{catalogue.slug.size}") String slug,
        @Size(max = 120, message = "{catalogue.author.roleTitle.size}") String roleTitle,
        @Size(max = 2000, message = "{catalogue.author.bio.size}") String bio,
        @Size(max = 500, message = "{catalogue.author.photoUrl.size}")
        @Pattern(regexp = "|/(?![/\\\\])\\S*", message = "{catalogue.author.photoUrl.invalid}") String photoUrl,
        @Size(max = 30, message = "{catalogue.author.account.unknown}") String account,
        Long version) {

    AuthorForm {
        // Browsers send line breaks as CRLF but count them as one character against maxlength.
        bio = bio == null ? null : bio.replace("\r\n", "\n");
        photoUrl = photoUrl == null ? null : photoUrl.strip();
    }

    static AuthorForm empty() {
        return new AuthorForm("", "", "", "", "", "", null);
    }

    static AuthorForm of(AuthorDetails author, String username) {
        return new AuthorForm(author.name(), author.slug(), orEmpty(author.roleTitle()), orEmpty(author.bio()),
                orEmpty(author.photoUrl()), orEmpty(username), author.version());
    }

    /** The same input over a newer version, so that saving again overwrites what someone else saved. */
    AuthorForm over(long newVersion) {
        return new AuthorForm(name, slug, roleTitle, bio, photoUrl, account, newVersion);
    }

    /** The same input with a newly uploaded photo. */
    AuthorForm withPhoto(String url) {
        return new AuthorForm(name, slug, roleTitle, bio, url, account, version);
    }

    AuthorChange change(Long accountId) {
        return new AuthorChange(name, slug, roleTitle, bio, photoUrl, accountId, version);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
