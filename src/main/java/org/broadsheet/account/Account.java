package org.broadsheet.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

@Entity
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String usernameKey;

    private String displayName;

    private String email;

    private String emailKey;

    private String passwordHash;

    private boolean emailVerified;

    private String bio;

    private boolean profilePublic;

    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected Account() {
    }

    Account(String username, String displayName, String email, String passwordHash, Instant createdAt) {
        this.username = username;
        this.usernameKey = key(username);
        this.displayName = displayName;
        changeEmail(email);
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.profilePublic = true;
        this.roles.add(Role.READER);
    }

    static String key(String usernameOrEmail) {
        return usernameOrEmail == null ? "" : usernameOrEmail.strip().toLowerCase(Locale.ROOT);
    }

    void changeEmail(String email) {
        this.email = email.strip();
        this.emailKey = key(email);
        this.emailVerified = false;
    }

    void verifyEmail() {
        this.emailVerified = true;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void updateProfile(String displayName, String bio, boolean profilePublic) {
        this.displayName = displayName;
        this.bio = bio;
        this.profilePublic = profilePublic;
    }

    void grant(Set<Role> roles) {
        this.roles.clear();
        this.roles.add(Role.READER);
        this.roles.addAll(roles);
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isEmailVerified() {
        return emailVerified;
    }

    String getBio() {
        return bio;
    }

    boolean isProfilePublic() {
        return profilePublic;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Set<Role> getRoles() {
        return roles;
    }

    long getVersion() {
        return version;
    }
}
