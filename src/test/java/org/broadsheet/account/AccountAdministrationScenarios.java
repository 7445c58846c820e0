package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.broadsheet.account.AccountViews.AccountSummary;
import org.broadsheet.account.RoleChangeRefusedException.Reason;
import org.broadsheet.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finding accounts and changing their roles against the database: the audit line goes with the change in its
 * transaction, the rules hold, and two administrators cannot overwrite or remove each other unnoticed. Run on H2
 * and on PostgreSQL by the subclasses, since row locks and LIKE patterns are the database's own. One test takes
 * the ADMIN role from every account, as the rule about the last administrator counts them all: no other test
 * class relies on administrators in the database it shares.
 */
abstract class AccountAdministrationScenarios {

    @Autowired
    AccountAdministration administration;

    @Autowired
    AccountService accounts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private String prefix;

    @BeforeEach
    void prefix() {
        // Letters only, so that the usernames' order is the same under every collation.
        prefix = "q" + ThreadLocalRandom.current().ints(5, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    private AccountSummary create(String name, Role... roles) {
        return create(name, "Display " + name, name + "@example.com", roles);
    }

    private AccountSummary create(String username, String displayName, String email, Role... roles) {
        assertThat(accounts.createVerified(username, displayName, email, "not-a-real-password",
                roles.length == 0 ? EnumSet.of(Role.READER) : EnumSet.of(roles[0], roles))).isTrue();
        return administration.account(accounts.idOf(username).orElseThrow());
    }

    private List<Map<String, Object>> auditLinesAbout(String username) {
        return jdbc.queryForList("SELECT actor, action, target, detail FROM audit_log WHERE target = ?", username);
    }

    /** Counted on a connection of its own, outside any transaction of the calling thread. */
    private int auditLinesSeenElsewhere(String username) throws Exception {
        return CompletableFuture.supplyAsync(() -> auditLinesAbout(username).size()).get(10, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------------------------- audit and transactions

    @Test
    void shouldChangeRolesAndWriteTheAuditLineInTheSameTransaction() throws Exception {
        AccountSummary admin = create(prefix + "adm", Role.ADMIN);
        AccountSummary eden = create(prefix + "eden", Role.EDITOR, Role.MODERATOR);

        int[] insideAndOutside = transactions.execute(status -> {
            administration.changeRoles(admin.username(), eden.id(), eden.version(), EnumSet.of(Role.EDITOR));
            try {
                return new int[] { auditLinesAbout(eden.username()).size(), auditLinesSeenElsewhere(eden.username()) };
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(insideAndOutside).as("the line inside the transaction, and not yet outside it")
                .containsExactly(1, 0);
        // The rows' keys are the database's column labels, read ignoring case.
        assertThat(auditLinesAbout(eden.username())).extracting(line -> List.of(line.get("actor"),
                        line.get("action"), line.get("target"), line.get("detail")))
                .containsExactly(List.of(admin.username(), "account.roles", eden.username(),
                        "EDITOR, MODERATOR -> EDITOR"));
        AccountSummary after = administration.account(eden.id());
        assertThat(after.roles()).containsExactly(Role.READER, Role.EDITOR);
        assertThat(after.version()).as("the version moves with the roles").isGreaterThan(eden.version());
    }

    @Test
    void shouldWriteNoAuditLineWhenTheChangeIsRolledBack() {
        AccountSummary admin = create(prefix + "adm", Role.ADMIN);
        AccountSummary rowan = create(prefix + "rowan");

        transactions.executeWithoutResult(status -> {
            administration.changeRoles(admin.username(), rowan.id(), rowan.version(), EnumSet.of(Role.MODERATOR));
            assertThat(auditLinesAbout(rowan.username())).hasSize(1);
            status.setRollbackOnly();
        });

        assertThat(auditLinesAbout(rowan.username())).isEmpty();
        assertThat(administration.account(rowan.id()).roles()).containsExactly(Role.READER);
    }

    @Test
    void shouldKeepReaderAndRecordAPromotionAndADemotion() {
        AccountSummary admin = create(prefix + "adm", Role.ADMIN);
        AccountSummary rowan = create(prefix + "rowan");

        var promotion = administration.changeRoles(admin.username(), rowan.id(), rowan.version(),
                EnumSet.of(Role.ADMIN, Role.EDITOR));
        var demotion = administration.changeRoles(admin.username(), rowan.id(),
                administration.account(rowan.id()).version(), Set.of());

        assertThat(promotion.changed()).isTrue();
        assertThat(demotion.after()).isEqualTo("READER");
        assertThat(administration.account(rowan.id()).roles()).containsExactly(Role.READER);
        assertThat(auditLinesAbout(rowan.username())).extracting(line -> line.get("detail"))
                .containsExactlyInAnyOrder("READER -> EDITOR, ADMIN", "EDITOR, ADMIN -> READER");
    }

    @Test
    void shouldChangeNothingAndRecordNothingWhenTheRolesAreTheSame() {
        AccountSummary admin = create(prefix + "adm", Role.ADMIN);
        AccountSummary eden = create(prefix + "eden", Role.EDITOR);

        var change = administration.changeRoles(admin.username(), eden.id(), eden.version(),
                EnumSet.of(Role.EDITOR, Role.READER));

        assertThat(change.changed()).isFalse();
        assertThat(auditLinesAbout(eden.username())).isEmpty();
        assertThat(administration.account(eden.id()).version()).isEqualTo(eden.version());
    }

    // ------------------------------------------------------------------------------------- rules

    @Test
    void shouldRefuseAnAdministratorRemovingTheirOwnAdminRole() {
        create(prefix + "other", Role.ADMIN);
        AccountSummary admin = create(prefix + "adm", Role.ADMIN);

        assertThatThrownBy(() -> administration.changeRoles(admin.username(), admin.id(), admin.version(),
                EnumSet.of(Role.EDITOR))).isInstanceOfSatisfying(RoleChangeRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OWN_ADMIN));

        assertThat(administration.account(admin.id()).roles()).containsExactly(Role.READER, Role.ADMIN);
        assertThat(auditLinesAbout(admin.username())).isEmpty();
        // Adding a role to oneself is fine.
        administration.changeRoles(admin.username(), admin.id(), admin.version(), EnumSet.of(Role.ADMIN, Role.EDITOR));
        assertThat(administration.account(admin.id()).roles()).containsExactly(Role.READER, Role.EDITOR, Role.ADMIN);
    }

    @Test
    void shouldRefuseTakingTheRoleFromTheLastAdministrator() {
        // Only this test's accounts are administrators from here on.
        jdbc.update("DELETE FROM account_role WHERE role = 'ADMIN'");
        AccountSummary solo = create(prefix + "solo", Role.ADMIN);
        // A session that still says ADMIN, for an account that no longer is one.
        AccountSummary former = create(prefix + "former", Role.EDITOR);

        assertThatThrownBy(() -> administration.changeRoles(former.username(), solo.id(), solo.version(), Set.of()))
                .isInstanceOfSatisfying(RoleChangeRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LAST_ADMIN));
        assertThat(administration.account(solo.id()).roles()).contains(Role.ADMIN);
        assertThat(auditLinesAbout(solo.username())).isEmpty();
    }

    @Test
    void shouldRefuseAChangeBySomeoneWhoIsNoLongerAnAdministrator() {
        AccountSummary former = create(prefix + "former", Role.EDITOR);
        AccountSummary rowan = create(prefix + "rowan");

        assertThatThrownBy(() -> administration.changeRoles(former.username(), rowan.id(), rowan.version(),
                EnumSet.of(Role.ADMIN))).isInstanceOf(AccessDeniedException.class);
        assertThat(administration.account(rowan.id()).roles()).containsExactly(Role.READER);
    }

    @Test
    void shouldRefuseAChangeOverAnotherAdministratorsChange() {
        AccountSummary alex = create(prefix + "alex", Role.ADMIN);
        AccountSummary sam = create(prefix + "sam", Role.ADMIN);
        AccountSummary eden = create(prefix + "eden", Role.EDITOR);

        // Both opened the page at the same version; the first to save wins, the second is told.
        administration.changeRoles(alex.username(), eden.id(), eden.version(), EnumSet.of(Role.MODERATOR));
        assertThatThrownBy(() -> administration.changeRoles(sam.username(), eden.id(), eden.version(),
                EnumSet.of(Role.EDITOR, Role.ADMIN))).isInstanceOfSatisfying(RoleChangeRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CHANGED_MEANWHILE));

        assertThat(administration.account(eden.id()).roles()).containsExactly(Role.READER, Role.MODERATOR);
        assertThat(auditLinesAbout(eden.username())).hasSize(1);
    }

    @Test
    void shouldNotLetTwoAdministratorsRemoveEachOtherAtOnce() throws Exception {
        AccountSummary alex = create(prefix + "alex", Role.ADMIN);
        AccountSummary sam = create(prefix + "sam", Role.ADMIN);
        CountDownLatch alexChanged = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> alexRemovesSam = CompletableFuture.runAsync(() -> transactions
                .executeWithoutResult(status -> {
                    administration.changeRoles(alex.username(), sam.id(), sam.version(), Set.of());
                    alexChanged.countDown();
                    await(commit);
                }));
        assertThat(alexChanged.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> samRemovesAlex = CompletableFuture.runAsync(() -> administration
                .changeRoles(sam.username(), alex.id(), alex.version(), Set.of()));
        Thread.sleep(300);
        assertThat(samRemovesAlex).as("waits for the rows alex holds").isNotDone();
        commit.countDown();

        alexRemovesSam.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> samRemovesAlex.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfAny(AccessDeniedException.class, RoleChangeRefusedException.class);
        assertThat(administration.account(alex.id()).roles()).contains(Role.ADMIN);
        assertThat(administration.account(sam.id()).roles()).doesNotContain(Role.ADMIN);
        assertThat(auditLinesAbout(alex.username())).isEmpty();
        assertThat(auditLinesAbout(sam.username())).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldAnswerAnUnknownAccountWithNotFound() {
        AccountSummary admin = create(prefix + "adm", Role.ADMIN);
        assertThatThrownBy(() -> administration.account(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> administration.changeRoles(admin.username(), Long.MAX_VALUE, 0, Set.of()))
                .isInstanceOf(NotFoundException.class);
    }

    // ------------------------------------------------------------------------------------- search

    @Test
    void shouldSearchNamesUsernamesAndAddressesIgnoringCaseWithWildcardsAsText() {
        AccountSummary anna = create(prefix + "anna", "Anna Ní Bhriain", "anna@" + prefix + ".example");
        AccountSummary ben = create(prefix + "b_n", "Ben 100% " + prefix, "ben@example.com");
        AccountSummary dan = create(prefix + "dan", "Dan 1000 " + prefix, "dan@example.com", Role.EDITOR);

        assertThat(usernames(prefix.toUpperCase())).containsExactly(anna.username(), ben.username(), dan.username());
        assertThat(usernames("NÍ BHRIAIN ")).contains(anna.username());
        assertThat(usernames("@" + prefix + ".EXAMPLE")).containsExactly(anna.username());
        assertThat(usernames("100% " + prefix)).containsExactly(ben.username());
        assertThat(usernames(prefix + "b_")).containsExactly(ben.username());
        assertThat(usernames(prefix + "_")).isEmpty();
        assertThat(administration.search(prefix, 1).items().get(2).roles()).containsExactly(Role.READER, Role.EDITOR);
    }

    @Test
    void shouldPageTwentyFiveAccountsAtATimeInUsernameOrder() {
        for (char c = 'a'; c <= 'z'; c++) {
            create(prefix + "page" + c);
        }
        var first = administration.search(prefix + "page", 1);
        var second = administration.search(prefix + "page", 2);

        assertThat(first.total()).isEqualTo(26);
        assertThat(first.items()).hasSize(25);
        assertThat(first.items().get(0).username()).isEqualTo(prefix + "pagea");
        assertThat(second.items()).extracting(AccountSummary::username).containsExactly(prefix + "pagez");
    }

    private List<String> usernames(String search) {
        return administration.search(search, 1).items().stream().map(AccountSummary::username).toList();
    }
}
