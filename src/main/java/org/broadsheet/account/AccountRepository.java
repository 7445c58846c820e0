package org.broadsheet.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsernameKey(String usernameKey);

    Optional<Account> findByEmailKey(String emailKey);

    boolean existsByUsernameKey(String usernameKey);

    boolean existsByEmailKey(String emailKey);

    @Query("select a from Account a where a.usernameKey = :key or a.emailKey = :key")
    Optional<Account> findByUsernameOrEmail(@Param("key") String key);

    @Query("select count(a) > 0 from Account a join a.roles r where r = org.broadsheet.account.Role.ADMIN")
    boolean anyAdmin();
}
