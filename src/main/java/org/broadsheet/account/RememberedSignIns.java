package org.broadsheet.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Keep me signed in": a cookie holding a series (one per device) and a token that changes at each use, as in
 * Spring Security's persistent tokens, with two differences. Only the token's SHA-256 is stored, so a copy of
 * the database signs nobody in. And the token a use replaced still works for {@link #GRACE}, so requests that
 * arrive together with the same cookie (a browser restoring several tabs, each without a session) all sign in,
 * one after the other, instead of the second being taken for a stolen cookie. A replaced token used after that is
 * a copy of the cookie in someone else's hands: every "keep me signed in" of the account ends, and the request is
 * sent to the sign-in page, which says why ({@link #replayed}).
 */
public class RememberedSignIns extends AbstractRememberMeServices {

    /** How long the token a use replaced still signs in. */
    public static final Duration GRACE = Duration.ofMinutes(1);
    private static final String REPLAYED = RememberedSignIns.class.getName() + ".replayed";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RememberedSignIns(String key, AccountUserDetailsService users, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        super(key, users);
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Whether this request came with a replaced token, so that the account's remembered sign-ins just ended. */
    public static boolean replayed(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(REPLAYED));
    }

    @Override
    public Authentication autoLogin(HttpServletRequest request, HttpServletResponse response) {
        try {
            return super.autoLogin(request, response);
        } catch (CookieTheftException e) {
            // The cookie is already cancelled; the request goes on signed out, to the sign-in page.
            request.setAttribute(REPLAYED, Boolean.TRUE);
            return null;
        }
    }

    @Override
    protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        Long accountId = accountId(authentication.getName());
        if (accountId == null) {
            return;
        }
        String series = randomText(16);
        String token = randomText(32);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO remember_me_token (series, account_id, token_hash, rotated_at, last_used) "
                + "VALUES (?, ?, ?, ?, ?)", series, accountId, AccountService.hash(token), now, now);
        setCookie(new String[] { series, token }, getTokenValiditySeconds(), request, response);
    }

    @Override
    protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request,
            HttpServletResponse response) {
        if (cookieTokens.length != 2) {
            throw new InvalidCookieException("Cookie token did not contain 2 tokens");
        }
        String series = cookieTokens[0];
        String hash = AccountService.hash(cookieTokens[1]);
        Instant now = clock.instant();
        // One use at a time per series: the row is locked until the token is replaced.
        Outcome outcome = transaction.execute(status -> use(series, hash, now));
        if (outcome.theft()) {
            jdbc.update("DELETE FROM remember_me_token WHERE account_id = ?", outcome.accountId());
            throw new CookieTheftException("A replaced remember-me token was used again");
        }
        if (outcome.newToken() != null) {
            setCookie(new String[] { series, outcome.newToken() }, getTokenValiditySeconds(), request, response);
        }
        return getUserDetailsService().loadUserByUsername(outcome.username());
    }

    /** What using a token came to: a new token to send (or null when the replaced one was used in time). */
    private record Outcome(long accountId, String username, String newToken, boolean theft) {
    }

    private Outcome use(String series, String hash, Instant now) {
        List<Row> rows = jdbc.query("SELECT t.account_id, a.username, t.token_hash, t.previous_hash, t.rotated_at, "
                + "t.last_used FROM remember_me_token t JOIN account a ON a.id = t.account_id WHERE t.series = ? "
                + "FOR UPDATE", (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()), series);
        if (rows.isEmpty()) {
            throw new RememberMeAuthenticationException("No remembered sign-in for this cookie");
        }
        Row row = rows.get(0);
        if (row.lastUsed().plusSeconds(getTokenValiditySeconds()).isBefore(now)) {
            jdbc.update("DELETE FROM remember_me_token WHERE series = ?", series);
            throw new RememberMeAuthenticationException("Remembered sign-in expired");
        }
        if (hash.equals(row.tokenHash())) {
            String token = randomText(32);
            jdbc.update("UPDATE remember_me_token SET token_hash = ?, previous_hash = ?, rotated_at = ?, "
                    + "last_used = ? WHERE series = ?", AccountService.hash(token), hash, Timestamp.from(now),
                    Timestamp.from(now), series);
            return new Outcome(row.accountId(), row.username(), token, false);
        }
        if (hash.equals(row.previousHash()) && row.rotatedAt().plus(GRACE).isAfter(now)) {
            return new Outcome(row.accountId(), row.username(), null, false);
        }
        return new Outcome(row.accountId(), row.username(), null, true);
    }

    private record Row(long accountId, String username, String tokenHash, String previousHash, Instant rotatedAt,
            Instant lastUsed) {
    }

    /** Signing out forgets this device's remembered sign-in only; the reader's other devices stay signed in. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        String cookie = extractRememberMeCookie(request);
        if (cookie != null) {
            try {
                String[] tokens = decodeCookie(cookie);
                jdbc.update("DELETE FROM remember_me_token WHERE series = ?", tokens[0]);
            } catch (InvalidCookieException e) {
                // Nothing stored matches a cookie that cannot be read.
            }
        }
        super.logout(request, response, authentication);
    }

    private Long accountId(String usernameOrEmail) {
        String key = Account.key(usernameOrEmail);
        List<Long> ids = jdbc.queryForList("SELECT id FROM account WHERE username_key = ? OR email_key = ?",
                Long.class, key, key);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
