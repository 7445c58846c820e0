package org.broadsheet.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsernameKey(String usernameKey);

    Optional<Account> findByEmailKey(String emailKey);

    boolean existsByUsernameKey(String usernameKey);

    boolean existsByEmailKey(String emailKey);

    @Query("select a from Account a where a.usernameKey = :key or a.emailKey = :key")
    Optional<Account> findByUsernameOrEmail(@Param("key") String key);

    @Query("select a.id from Account a where a.usernameKey = :key")
    Optional<Long> findIdByUsernameKey(@Param("key") String usernameKey);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.id = :id")
    Optional<Account> findLockedById(@Param("id") long id);

    @Query("select distinct a from Account a left join fetch a.roles where a.id in :ids")
    List<Account> findWithRoles(@Param("ids") Collection<Long> ids);

    @Query("select count(a) > 0 from Account a join a.roles r where r = org.broadsheet.account.Role.ADMIN")
    boolean anyAdmin();

    @Query("select count(a) from Account a join a.roles r where r = org.broadsheet.account.Role.ADMIN")
    long countAdmins();

    /**
     * Ids of the accounts whose display name, username or email contains the pattern (already lower-cased, its
     * {@code %}, {@code _} and {@code !} escaped with {@code !}), in username order.
     */
    @Query(value = """
            select a.id from Account a where lower(a.displayName) like :pattern escape '!'
                or a.usernameKey like :pattern escape '!' or a.emailKey like :pattern escape '!'
            order by a.usernameKey""", countQuery = """
            select count(a) from Account a where lower(a.displayName) like :pattern escape '!'
                or a.usernameKey like :pattern escape '!' or a.emailKey like :pattern escape '!'""")
    Page<Long> searchIds(@Param("pattern") String pattern, Pageable pageable);
}
