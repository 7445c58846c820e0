package org.broadsheet.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    // Locked, so that two clicks on the same link cannot both use it.
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<AccountToken> findByTokenHashAndPurpose(String tokenHash, AccountToken.Purpose purpose);

    long countByAccountIdAndPurposeAndCreatedAtAfter(Long accountId, AccountToken.Purpose purpose, Instant since);

    @Modifying
    @Query("update AccountToken t set t.usedAt = :now where t.accountId = :account and t.purpose = :purpose "
            + "and t.usedAt is null")
    int useAll(@Param("account") long accountId, @Param("purpose") AccountToken.Purpose purpose,
            @Param("now") Instant now);

    @Modifying
    @Query("delete from AccountToken t where t.accountId = :account")
    void deleteAllOf(@Param("account") long accountId);
}
