package org.broadsheet.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signed links in notification mails that stop one kind of mail without signing in (RFC 8058 one-click): the
 * account, the kind and an expiry, signed with HMAC-SHA256 under {@code broadsheet.notifications.link-key}, so
 * that nobody can make a link for another reader or another kind, and nothing is stored per link. Without a
 * configured key one is made at each start (the demo), and older links then stop working; a configured key shorter
 * than {@value #MIN_KEY_LENGTH} characters stops the start.
 */
@Component
class UnsubscribeLinks {

    static final Duration LIFETIME = Duration.ofDays(60);
    static final String PATH = "/notifications/unsubscribe";
    static final int MIN_KEY_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);

    private final SecretKeySpec key;
    private final Clock clock;

    UnsubscribeLinks(@Value("${broadsheet.notifications.link-key:}") String configured, Clock clock) {
        byte[] bytes;
        if (configured.isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            log.warn("No broadsheet.notifications.link-key (BROADSHEET_NOTIFICATIONS_LINKKEY) set: the unsubscribe "
                    + "links in notification mails work until the next start, on this instance only");
        } else if (configured.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("broadsheet.notifications.link-key must be at least " + MIN_KEY_LENGTH
                    + " characters long (a random string)");
        } else {
            bytes = configured.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.clock = clock;
    }

    /** What a valid link says: stop this reader's mails of this kind, or of every kind when {@code kind} is null. */
    record Unsubscribe(long accountId, NotificationKind kind) {
    }

    static final String ALL = "all";

    /** Why a link was refused. */
    enum Refusal { INVALID, EXPIRED }

    /** The path and query of a link that stops this reader's mails of this kind (of every kind for null). */
    String pathFor(long accountId, NotificationKind kind) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String scope = kind == null ? ALL : kind.key();
        return UriComponentsBuilder.fromPath(PATH).queryParam("account", accountId).queryParam("kind", scope)
                .queryParam("expires", expires).queryParam("signature", sign(accountId, scope, expires))
                .build().toUriString();
    }

    /** The link's meaning, or why it is refused: tampered, for another kind or reader, or expired. */
    Result check(String account, String kind, String expires, String signature) {
        try {
            long accountId = Long.parseLong(account);
            long expiry = Long.parseLong(expires);
            NotificationKind parsed = ALL.equals(kind) ? null
                    : NotificationKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            boolean genuine = MessageDigest.isEqual(sign(accountId, kind, expiry).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
            if (!genuine) {
                return new Result(Optional.empty(), Refusal.INVALID);
            }
            if (Instant.ofEpochSecond(expiry).isBefore(clock.instant())) {
                return new Result(Optional.empty(), Refusal.EXPIRED);
            }
            return new Result(Optional.of(new Unsubscribe(accountId, parsed)), null);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Result(Optional.empty(), Refusal.INVALID);
        }
    }

    record Result(Optional<Unsubscribe> unsubscribe, Refusal refusal) {
    }

    private String sign(long accountId, String scope, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("unsubscribe:" + accountId + ":" + scope + ":" + expires)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
