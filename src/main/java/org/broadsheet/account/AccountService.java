package org.broadsheet.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.Set;

import org.broadsheet.account.AccountEvents.AccountDeleted;
import org.broadsheet.account.AccountEvents.PasswordResetRequested;
import org.broadsheet.account.AccountEvents.VerificationRequested;
import org.broadsheet.account.AccountToken.Purpose;
import org.broadsheet.account.AccountViews.AccountView;
import org.broadsheet.account.AccountViews.PublicProfile;
import org.broadsheet.account.AccountViews.Registration;
import org.broadsheet.shared.NotFoundException;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's public API: registration, email verification, password reset, settings, public
 * profiles and the personal data export. Returns records; the {@code Account} entity never leaves.
 */
@Service
@Transactional(readOnly = true)
public class AccountService {

    public static final Duration VERIFICATION_LIFETIME = Duration.ofDays(2);
    public static final Duration RESET_LIFETIME = Duration.ofHours(1);
    public static final Duration NEW_MEMBER = Duration.ofDays(30);
    public static final int RESETS_PER_HOUR = 3;

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    // Read when needed: the modules that contribute also depend on this service.
    private final ObjectProvider<PersonalDataContributor> contributors;
    private final JdbcTemplate jdbc;
    private final SignInThrottle throttle;
    private final Clock clock;

    AccountService(AccountRepository accounts, AccountTokenRepository tokens, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            ObjectProvider<PersonalDataContributor> contributors, JdbcTemplate jdbc,
            SignInThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.contributors = contributors;
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- registration

    /**
     * Creates a reader's account and mails a verification link.
     *
     * @throws DuplicateAccountException when the username or email is taken, also when another registration
     *         for the same name wins a race (the database's unique constraints decide)
     */
    @Transactional
    public AccountView register(Registration registration) {
        if (accounts.existsByUsernameKey(Account.key(registration.username()))) {
            throw new DuplicateAccountException("username");
        }
        if (accounts.existsByEmailKey(Account.key(registration.email()))) {
            throw new DuplicateAccountException("email");
        }
        Account account = new Account(registration.username().strip(), registration.displayName().strip(),
                registration.email(), passwordEncoder.encode(registration.password()), clock.instant());
        account = saveUnique(account);
        requestVerification(account);
        return view(account);
    }

    private Account saveUnique(Account account) {
        try {
            return accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            // The constraint's name says which rule was broken; the message is only a fallback, since it also
            // quotes the values typed.
            String message = e.getCause() instanceof ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    ? violation.getConstraintName().toLowerCase(Locale.ROOT)
                    : String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("uk_account_username")) {
                throw new DuplicateAccountException("username");
            }
            if (message.contains("uk_account_email")) {
                throw new DuplicateAccountException("email");
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- email verification

    @Transactional
    public void resendVerification(long accountId) {
        Account account = find(accountId);
        if (!account.isEmailVerified()) {
            requestVerification(account);
        }
    }

    /** Earlier links stop working now; the new one is made and mailed once this transaction commits. */
    private void requestVerification(Account account) {
        tokens.useAll(account.getId(), Purpose.VERIFY_EMAIL, clock.instant());
        events.publishEvent(new VerificationRequested(account.getId(), account.getEmail()));
    }

    /**
     * @return the username whose email is now verified, or empty when the link is unknown, used or expired
     */
    @Transactional
    public Optional<String> verifyEmail(String token) {
        return consume(token, Purpose.VERIFY_EMAIL).flatMap(t -> accounts.findById(t.getAccountId())
                .filter(account -> account.getEmail().equalsIgnoreCase(t.getEmail()))
                .map(account -> {
                    account.verifyEmail();
                    events.publishEvent(new AccountEvents.EmailVerified(account.getId()));
                    return account.getUsername();
                }));
    }

    // ---------------------------------------------------------------- password reset

    /**
     * Mails a reset link if an account has this address; says nothing either way. At most
     * {@value #RESETS_PER_HOUR} links an hour go to one address, so nobody can flood a reader's mailbox.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        accounts.findByEmailKey(Account.key(email))
                .filter(account -> tokens.countByAccountIdAndPurposeAndCreatedAtAfter(account.getId(),
                        Purpose.RESET_PASSWORD, hourAgo) < RESETS_PER_HOUR)
                .ifPresent(account -> events.publishEvent(new PasswordResetRequested(account.getId(),
                        account.getEmail())));
    }

    public boolean resetTokenUsable(String token) {
        return token != null && tokens.findByTokenHashAndPurpose(hash(token), Purpose.RESET_PASSWORD)
                .filter(t -> t.usableAt(clock.instant())).isPresent();
    }

    /**
     * Sets a new password with a reset link, which is then used up, as are the account's other reset links and
     * its remember-me tokens.
     *
     * @return false when the link is unknown, used or expired
     */
    @Transactional
    public boolean resetPassword(String token, String newPassword) {
        // A link mailed to an address the account no longer has is worth nothing.
        Optional<Account> reset = consume(token, Purpose.RESET_PASSWORD)
                .flatMap(t -> accounts.findById(t.getAccountId())
                        .filter(account -> account.getEmail().equalsIgnoreCase(t.getEmail())));
        reset.ifPresent(account -> {
            account.changePassword(passwordEncoder.encode(newPassword));
            // The link came to the address, so the address is the reader's.
            if (!account.isEmailVerified()) {
                account.verifyEmail();
                events.publishEvent(new AccountEvents.EmailVerified(account.getId()));
            }
            revokeMailedLinks(account);
            forgetRememberedSignIns(account);
            // Whoever proved they own the address may sign in at once, even after failed attempts.
            throttle.clear(account.getUsername());
        });
        return reset.isPresent();
    }

    /**
     * Every reset and verification link still out becomes useless: after a change of address (or of password)
     * a link in an old mailbox, perhaps one the reader no longer controls, must not take the account over.
     */
    private void revokeMailedLinks(Account account) {
        Instant now = clock.instant();
        tokens.useAll(account.getId(), Purpose.RESET_PASSWORD, now);
        tokens.useAll(account.getId(), Purpose.VERIFY_EMAIL, now);
    }

    // ---------------------------------------------------------------- settings

    public AccountView view(long accountId) {
        return view(find(accountId));
    }

    @Transactional
    public AccountView updateProfile(long accountId, String displayName, String bio, boolean profilePublic) {
        Account account = find(accountId);
        account.updateProfile(displayName.strip(), bio == null || bio.isBlank() ? null : bio.strip(), profilePublic);
        return view(account);
    }

    /**
     * Changes the address after checking the password; the new address must be verified again.
     *
     * @return false when the current password is wrong
     * @throws DuplicateAccountException when another account has the address
     */
    @Transactional
    public boolean changeEmail(long accountId, String currentPassword, String newEmail) {
        Account account = find(accountId);
        if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            return false;
        }
        if (account.getEmail().equalsIgnoreCase(newEmail.strip())) {
            return true;
        }
        if (accounts.existsByEmailKey(Account.key(newEmail))) {
            throw new DuplicateAccountException("email");
        }
        account.changeEmail(newEmail);
        saveUnique(account);
        revokeMailedLinks(account);
        requestVerification(account);
        return true;
    }

    /**
     * @return false when the current password is wrong
     */
    @Transactional
    public boolean changePassword(long accountId, String currentPassword, String newPassword) {
        Account account = find(accountId);
        if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            return false;
        }
        account.changePassword(passwordEncoder.encode(newPassword));
        revokeMailedLinks(account);
        forgetRememberedSignIns(account);
        return true;
    }

    /**
     * Deletes the account after checking the password. Other modules hear {@link AccountDeleted}.
     *
     * @return false when the password is wrong
     */
    @Transactional
    public boolean delete(long accountId, String password) {
        Account account = find(accountId);
        if (!passwordEncoder.matches(password, account.getPasswordHash())) {
            return false;
        }
        events.publishEvent(new AccountDeleted(account.getId(), account.getUsername()));
        tokens.deleteAllOf(account.getId());
        forgetRememberedSignIns(account);
        accounts.delete(account);
        return true;
    }

    /** Everything the site keeps about the account, for "download my data". */
    public Map<String, Object> personalData(long accountId) {
        Account account = find(accountId);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("username", account.getUsername());
        profile.put("displayName", account.getDisplayName());
        profile.put("email", account.getEmail());
        profile.put("emailVerified", account.isEmailVerified());
        profile.put("bio", account.getBio());
        profile.put("profilePublic", account.isProfilePublic());
        profile.put("memberSince", account.getCreatedAt().toString());
        profile.put("roles", account.getRoles().stream().map(Enum::name).sorted().toList());
        data.put("account", profile);
        for (PersonalDataContributor contributor : contributors.orderedStream().toList()) {
            data.put(contributor.name(), contributor.dataFor(accountId));
        }
        return data;
    }

    // ---------------------------------------------------------------- profiles

    public Optional<PublicProfile> publicProfile(String username) {
        return accounts.findByUsernameKey(Account.key(username)).map(account -> {
            if (!account.isProfilePublic()) {
                return new PublicProfile(account.getUsername(), account.getDisplayName(), null, null, List.of(),
                        false);
            }
            return new PublicProfile(account.getUsername(), account.getDisplayName(), account.getCreatedAt(),
                    account.getBio(), badges(account), true);
        });
    }

    /**
     * The people behind these account ids, as comments show them, read in one statement; ids of deleted accounts
     * are missing from the map.
     */
    public Map<Long, AccountViews.Commenter> commenters(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Instant newSince = clock.instant().minus(NEW_MEMBER);
        Map<Long, AccountViews.Commenter> result = new HashMap<>();
        for (Account account : accounts.findWithRoles(accountIds)) {
            result.put(account.getId(), new AccountViews.Commenter(account.getId(), account.getUsername(),
                    account.getDisplayName(), account.getRoles().stream().anyMatch(Role::staff),
                    account.getCreatedAt().isAfter(newSince), account.isEmailVerified()));
        }
        return result;
    }

    /**
     * Locks the account's row until the calling transaction ends, so that what one account does at once (posting
     * several comments in parallel, say) is checked against limits one request at a time.
     *
     * @throws NotFoundException when there is no such account
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public AccountViews.Commenter lockForWriting(long accountId) {
        Account account = accounts.findLockedById(accountId)
                .orElseThrow(() -> new NotFoundException("account " + accountId));
        return new AccountViews.Commenter(account.getId(), account.getUsername(), account.getDisplayName(),
                account.getRoles().stream().anyMatch(Role::staff),
                account.getCreatedAt().isAfter(clock.instant().minus(NEW_MEMBER)), account.isEmailVerified());
    }

    /**
     * Locks the account's row until the calling transaction ends, as {@link #lockForWriting} does, for work that
     * goes on without an account deleted in the meantime.
     *
     * @return false when there is no such account (nothing is locked, and the transaction is not marked failed)
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean lockIfPresent(long accountId) {
        return accounts.findLockedById(accountId).isPresent();
    }

    /** Which of these accounts show their profile publicly, in one statement. */
    public Set<Long> withPublicProfiles(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return accounts.findWithRoles(accountIds).stream().filter(Account::isProfilePublic).map(Account::getId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The id of the account with this username (any case), if there is one. */
    public Optional<Long> idOf(String username) {
        return accounts.findByUsernameKey(Account.key(username)).map(Account::getId);
    }

    private List<String> badges(Account account) {
        List<String> badges = new ArrayList<>();
        if (account.getRoles().stream().anyMatch(Role::staff)) {
            badges.add("staff");
        }
        if (account.getCreatedAt().isAfter(clock.instant().minus(NEW_MEMBER))) {
            badges.add("new-member");
        }
        return badges;
    }

    // ---------------------------------------------------------------- staff and demo accounts

    /**
     * Creates an account with these roles and a verified address unless the username exists; used for the
     * demo accounts and for the first administrator of a production site.
     *
     * @return true when it was created
     */
    @Transactional
    public boolean createVerified(String username, String displayName, String email, String password,
            Set<Role> roles) {
        return createVerified(username, displayName, email, password, roles, clock.instant());
    }

    /** The same, for an account that joined at {@code memberSince} (demo readers who have been around a while). */
    @Transactional
    public boolean createVerified(String username, String displayName, String email, String password,
            Set<Role> roles, Instant memberSince) {
        return createVerified(new NewMember(username, displayName, email, roles, memberSince),
                passwordEncoder.encode(password));
    }

    /** An account {@link #createVerified(List, String)} makes: verified, with these roles, a member since then. */
    public record NewMember(String username, String displayName, String email, Set<Role> roles,
            Instant memberSince) {
    }

    /**
     * Verified accounts that all have the same password, hashed once: a password hash costs about a tenth of a
     * second of a core by design, and the demo's readers would otherwise spend seconds of every start on it.
     * Skips those whose username or address is taken; returns how many it created.
     */
    @Transactional
    public int createVerified(List<NewMember> members, String password) {
        String hash = passwordEncoder.encode(password);
        int created = 0;
        for (NewMember member : members) {
            if (createVerified(member, hash)) {
                created++;
            }
        }
        return created;
    }

    private boolean createVerified(NewMember member, String passwordHash) {
        String username = member.username();
        String email = member.email();
        Set<Role> roles = member.roles();
        if (accounts.existsByUsernameKey(Account.key(username)) || accounts.existsByEmailKey(Account.key(email))) {
            return false;
        }
        Account account = new Account(username, member.displayName(), email, passwordHash, member.memberSince());
        account.verifyEmail();
        account.grant(roles.isEmpty() ? EnumSet.of(Role.READER) : roles);
        saveUnique(account);
        return true;
    }

    public boolean anyAdmin() {
        return accounts.anyAdmin();
    }

    // ---------------------------------------------------------------- helpers

    private Account find(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account " + accountId));
    }

    private Optional<AccountToken> consume(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHashAndPurpose(hash(token), purpose).filter(t -> t.usableAt(now)).map(t -> {
            t.use(now);
            return t;
        });
    }

    /** Ends "keep me signed in" everywhere, and tells the web layer to end the account's other sessions. */
    private void forgetRememberedSignIns(Account account) {
        jdbc.update("DELETE FROM remember_me_token WHERE account_id = ?", account.getId());
        events.publishEvent(new AccountEvents.CredentialsChanged(account.getUsername()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AccountView view(Account a) {
        return new AccountView(a.getId(), a.getUsername(), a.getDisplayName(), a.getEmail(), a.isEmailVerified(),
                a.getBio(), a.isProfilePublic(), a.getCreatedAt(), Set.copyOf(a.getRoles()));
    }
}
