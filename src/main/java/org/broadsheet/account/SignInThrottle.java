package org.broadsheet.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after {@value #PER_ACCOUNT} failed sign-ins for one account name, or
 * {@value #PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts wait until the oldest
 * failure leaves the window. Failures are kept in the database so that every instance sees them.
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
        Instant since = clock.instant().minus(WINDOW);
        Integer forAccount = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sign_in_failure WHERE account_key = ? AND failed_at > ?", Integer.class,
                Account.key(accountName), java.sql.Timestamp.from(since));
        if (forAccount != null && forAccount >= PER_ACCOUNT) {
            return true;
        }
        Integer forAddress = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sign_in_failure WHERE remote_address = ? AND failed_at > ?", Integer.class,
                address(address), java.sql.Timestamp.from(since));
        return forAddress != null && forAddress >= PER_ADDRESS;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String accountName, String address) {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO sign_in_failure (account_key, remote_address, failed_at) VALUES (?, ?, ?)",
                truncate(Account.key(accountName), 254), address(address), java.sql.Timestamp.from(now));
        jdbc.update("DELETE FROM sign_in_failure WHERE failed_at < ?", java.sql.Timestamp.from(now.minus(WINDOW)));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(String accountName) {
        jdbc.update("DELETE FROM sign_in_failure WHERE account_key = ?", Account.key(accountName));
    }

    private static String address(String address) {
        return truncate(address == null ? "unknown" : address, 64);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
