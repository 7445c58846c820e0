package org.broadsheet.article;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String name;

    private String roleTitle;

    private String bio;

    private String photoUrl;

    /** The reader account of this author, if they comment as themselves. */
    private Long accountId;

    @Version
    private long version;

    protected Author() {
    }

    Author(String slug, String name, String roleTitle, String bio, String photoUrl) {
        this.slug = slug;
        this.name = name;
        this.roleTitle = roleTitle;
        this.bio = bio;
        this.photoUrl = photoUrl;
    }

    Long getAccountId() {
        return accountId;
    }

    void linkAccount(Long accountId) {
        this.accountId = accountId;
    }

    /** The editors' profile form: everything about the author, the linked account included. */
    void edit(String slug, String name, String roleTitle, String bio, String photoUrl, Long accountId) {
        this.slug = slug;
        this.name = name;
        this.roleTitle = roleTitle;
        this.bio = bio;
        this.photoUrl = photoUrl;
        this.accountId = accountId;
    }

    long getVersion() {
        return version;
    }

    Long getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getName() {
        return name;
    }

    String getRoleTitle() {
        return roleTitle;
    }

    String getBio() {
        return bio;
    }

    String getPhotoUrl() {
        return photoUrl;
    }
}
