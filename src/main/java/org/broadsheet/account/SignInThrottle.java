package org.broadsheet.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after {@value #PER_ACCOUNT} failed sign-ins for one account, or
 * {@value #PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts wait until the oldest
 * failure leaves the window. Failures count against the account whether its username or its email address was
 * typed (a name that is no account's counts for itself), so an account gets five guesses, not five per name.
 * Failures are kept in the database so that every instance sees them.
 */
@Component
public class SignInThrottle {

    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SignInThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean blocked(String accountName, String address) {
        return over(keyOf(accountName), address, PER_ACCOUNT, PER_ADDRESS);
    }

    /**
     * What failures are counted under: {@code #id} for the account with this username or address (neither can
     * contain both a {@code #} and no {@code @}, so no typed name takes that form), else the name as typed.
     */
    private String keyOf(String accountName) {
        String typed = Account.key(accountName);
        List<Long> ids = jdbc.queryForList("SELECT id FROM account WHERE username_key = ? OR email_key = ?",
                Long.class, typed, typed);
        return ids.isEmpty() ? truncate(typed, 254) : "#" + ids.get(0);
    }

    private boolean over(String key, String address, int perAccount, int perAddress) {
        Instant since = clock.instant().minus(WINDOW);
        Integer forAccount = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sign_in_failure WHERE account_key = ? AND failed_at > ?", Integer.class,
                key, java.sql.Timestamp.from(since));
        if (forAccount != null && forAccount >= perAccount) {
            return true;
        }
        Integer forAddress = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sign_in_failure WHERE remote_address = ? AND failed_at > ?", Integer.class,
                address(address), java.sql.Timestamp.from(since));
        return forAddress != null && forAddress >= perAddress;
    }

    /**
     * Counts an attempt before the password is checked, so that guesses sent all at once cannot slip past the
     * limit together: each is recorded as a failure first and only the ones within the limit go on.
     *
     * <p>
     * No transaction on purpose: the attempt is committed before the failures are counted, so of attempts
     * arriving together the last to count sees all of them, and no more than the limit get through.
     *
     * @return the attempt, to pass to {@link #succeeded(long)} if the password was right; empty when the
     *         account name or the address must wait (then nothing is recorded, so waiting is never extended)
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public java.util.Optional<Long> begin(String accountName, String address) {
        String accountKey = keyOf(accountName);
        if (over(accountKey, address, PER_ACCOUNT, PER_ADDRESS)) {
            return java.util.Optional.empty();
        }
        org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        Instant now = clock.instant();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement(
                    "INSERT INTO sign_in_failure (account_key, remote_address, failed_at) VALUES (?, ?, ?)",
                    new String[] { "id" });
            insert.setString(1, accountKey);
            insert.setString(2, address(address));
            insert.setTimestamp(3, java.sql.Timestamp.from(now));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        if (over(accountKey, address, PER_ACCOUNT + 1, PER_ADDRESS + 1)) {
            jdbc.update("DELETE FROM sign_in_failure WHERE id = ?", id);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(id);
    }

    /** The attempt had the right password: it does not count as a failure. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(long attempt) {
        jdbc.update("DELETE FROM sign_in_failure WHERE id = ?", attempt);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String accountName, String address) {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO sign_in_failure (account_key, remote_address, failed_at) VALUES (?, ?, ?)",
                keyOf(accountName), address(address), java.sql.Timestamp.from(now));
        jdbc.update("DELETE FROM sign_in_failure WHERE failed_at < ?", java.sql.Timestamp.from(now.minus(WINDOW)));
    }

    /** Lifts the wait of the account with this username or address (or of the name, if it is no account's). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(String accountName) {
        jdbc.update("DELETE FROM sign_in_failure WHERE account_key = ?", keyOf(accountName));
    }

    private static String address(String address) {
        return truncate(address == null ? "unknown" : address, 64);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
