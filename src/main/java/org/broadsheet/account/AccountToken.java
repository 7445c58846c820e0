package org.broadsheet.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A single-use link sent by mail. Only the SHA-256 of the token is stored, so a copy of the database cannot
 * be used to verify addresses or reset passwords.
 */
@Entity
class AccountToken {

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    private String tokenHash;

    private String email;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant usedAt;

    protected AccountToken() {
    }

    AccountToken(Long accountId, Purpose purpose, String tokenHash, String email, Instant createdAt,
            Instant expiresAt) {
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.email = email;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        this.usedAt = now;
    }

    Long getAccountId() {
        return accountId;
    }

    Purpose getPurpose() {
        return purpose;
    }

    String getEmail() {
        return email;
    }
}
