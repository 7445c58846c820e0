package org.broadsheet.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.account.AccountEvents.RolesChanged;
import org.broadsheet.account.AccountViews.AccountSummary;
import org.broadsheet.account.RoleChangeRefusedException.Reason;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' side of accounts ({@code /admin/users}): finding accounts and changing their roles. A change
 * is checked with both accounts' rows locked, recorded in the audit log in its own transaction, and announced with
 * {@link RolesChanged} so that the account's open sessions pick it up.
 */
@Service
@Transactional(readOnly = true)
public class AccountAdministration {

    public static final int PAGE_SIZE = 25;
    public static final int MAX_SEARCH = 100;
    /** The audit log's code for a change of roles. */
    public static final String AUDIT_ROLES = "account.roles";
    /** The roles an administrator gives and takes; {@link Role#READER} is always held. */
    public static final List<Role> STAFF_ROLES = List.of(Role.EDITOR, Role.MODERATOR, Role.ADMIN);

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Datelines datelines;

    AccountAdministration(AccountRepository accounts, ApplicationEventPublisher events, Datelines datelines) {
        this.accounts = accounts;
        this.events = events;
        this.datelines = datelines;
    }

    /**
     * Accounts whose display name, username or email address contains {@code text} (ignoring case; {@code %} and
     * {@code _} are plain characters), in username order, {@value #PAGE_SIZE} a page.
     *
     * @param text what to look for; null or blank for every account
     * @param page from 1
     */
    public PagedResult<AccountSummary> search(String text, int page) {
        String term = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Page<Long> ids = accounts.searchIds("%" + escapeLike(term) + "%", PageRequest.of(page - 1, PAGE_SIZE));
        if (ids.isEmpty()) {
            return new PagedResult<>(List.of(), page, PAGE_SIZE, ids.getTotalElements());
        }
        // The page's ids first, then the accounts with their roles in one statement: no query per account.
        Map<Long, Account> found = accounts.findWithRoles(ids.getContent()).stream()
                .collect(Collectors.toMap(Account::getId, Function.identity()));
        List<AccountSummary> rows = ids.getContent().stream().map(found::get).filter(Objects::nonNull)
                .map(this::summary).toList();
        return new PagedResult<>(rows, page, PAGE_SIZE, ids.getTotalElements());
    }

    /**
     * @throws NotFoundException when there is no such account
     */
    public AccountSummary account(long accountId) {
        return summary(accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account " + accountId)));
    }

    /**
     * Gives the account exactly these staff roles (besides READER, which every account holds), as {@code actor}.
     * Both accounts' rows stay locked until the transaction ends, so that two administrators cannot each remove the
     * other and leave the site without one.
     *
     * @param expectedVersion the version the administrator saw; a change made since is refused, not overwritten
     * @throws NotFoundException when there is no such account
     * @throws RoleChangeRefusedException when a rule forbids the change
     * @throws AccessDeniedException when {@code actor} is no administrator (any more)
     */
    @Transactional
    public RoleChange changeRoles(String actor, long accountId, long expectedVersion, Set<Role> roles) {
        long actorId = accounts.findIdByUsernameKey(Account.key(actor))
                .orElseThrow(() -> new AccessDeniedException("no account " + actor));
        // Lowest id first, so that two changes locking the same two rows cannot deadlock.
        Account first = lock(Math.min(actorId, accountId));
        Account second = actorId == accountId ? first : lock(Math.max(actorId, accountId));
        Account account = first.getId() == accountId ? first : second;
        Account admin = first.getId() == actorId ? first : second;

        if (account.getVersion() != expectedVersion) {
            throw new RoleChangeRefusedException(Reason.CHANGED_MEANWHILE);
        }
        Set<Role> before = EnumSet.copyOf(account.getRoles());
        Set<Role> after = EnumSet.of(Role.READER);
        after.addAll(roles);
        if (after.equals(before)) {
            return new RoleChange(account.getUsername(), account.getDisplayName(), describe(before),
                    describe(after));
        }
        if (before.contains(Role.ADMIN) && !after.contains(Role.ADMIN)) {
            if (accountId == actorId) {
                throw new RoleChangeRefusedException(Reason.OWN_ADMIN);
            }
            if (accounts.countAdmins() <= 1) {
                throw new RoleChangeRefusedException(Reason.LAST_ADMIN);
            }
        }
        if (!admin.getRoles().contains(Role.ADMIN)) {
            // Their session still said ADMIN, but another administrator has just taken it away.
            throw new AccessDeniedException(actor + " is no administrator");
        }
        account.grant(after);
        RoleChange change = new RoleChange(account.getUsername(), account.getDisplayName(), describe(before),
                describe(after));
        events.publishEvent(new AuditEvent(admin.getUsername(), AUDIT_ROLES, account.getUsername(),
                change.before() + " -> " + change.after()));
        events.publishEvent(new RolesChanged(account.getUsername()));
        return change;
    }

    private Account lock(long accountId) {
        return accounts.findLockedById(accountId).orElseThrow(() -> new NotFoundException("account " + accountId));
    }

    /** The staff roles in the order of {@link Role}, or READER when there are none: "EDITOR, MODERATOR". */
    static String describe(Set<Role> roles) {
        String staff = roles.stream().filter(Role::staff).sorted().map(Role::name).collect(Collectors.joining(", "));
        return staff.isEmpty() ? Role.READER.name() : staff;
    }

    /** Makes {@code %}, {@code _} and the escape character itself match only themselves in a LIKE pattern. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private AccountSummary summary(Account a) {
        return new AccountSummary(a.getId(), a.getUsername(), a.getDisplayName(), a.getEmail(), a.isEmailVerified(),
                datelines.of(a.getCreatedAt()), a.getRoles().stream().sorted().toList(), a.getVersion());
    }

    /**
     * What a change of roles did, as {@link #describe} prints roles; {@code before} equals {@code after} when the
     * account already had those roles and nothing was stored.
     */
    public record RoleChange(String username, String displayName, String before, String after) {

        public boolean changed() {
            return !before.equals(after);
        }
    }
}
