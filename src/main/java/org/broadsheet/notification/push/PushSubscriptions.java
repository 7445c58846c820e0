package org.broadsheet.notification.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The push subscriptions table, in plain SQL. */
@Repository
class PushSubscriptions {

    private final JdbcClient jdbc;

    PushSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored subscription. */
    record Row(long id, long accountId, String endpoint, String p256dh, String auth, String device,
            Instant createdAt, Instant lastSentAt) {
    }

    /**
     * Stores the device's subscription for the account, replacing what the same endpoint had (the device is
     * re-subscribed, or another reader signed in on it); the caller holds the account's lock.
     */
    long save(long accountId, String endpoint, String p256dh, String auth, String device, Instant at) {
        String hash = hash(endpoint);
        jdbc.sql("DELETE FROM push_subscription WHERE endpoint_hash = :h").param("h", hash).update();
        jdbc.sql("""
                INSERT INTO push_subscription (account_id, endpoint, endpoint_hash, p256dh, auth, device, created_at)
                VALUES (:a, :e, :h, :p, :k, :d, :at)""")
                .param("a", accountId).param("e", endpoint).param("h", hash).param("p", p256dh).param("k", auth)
                .param("d", device).param("at", at.atOffset(ZoneOffset.UTC)).update();
        return jdbc.sql("SELECT id FROM push_subscription WHERE endpoint_hash = :h").param("h", hash)
                .query(Long.class).single();
    }

    List<Row> of(long accountId) {
        return jdbc.sql("SELECT * FROM push_subscription WHERE account_id = :a ORDER BY created_at, id")
                .param("a", accountId).query(PushSubscriptions::row).list();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM push_subscription WHERE id = :id").param("id", id)
                .query(PushSubscriptions::row).optional();
    }

    int count(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM push_subscription WHERE account_id = :a").param("a", accountId)
                .query(Integer.class).single();
    }

    /** Removes the account's subscription; another account's is left alone. */
    boolean remove(long accountId, long id) {
        return jdbc.sql("DELETE FROM push_subscription WHERE id = :id AND account_id = :a").param("id", id)
                .param("a", accountId).update() > 0;
    }

    /** The push service says the subscription is gone (404, 410). */
    void forget(long id) {
        jdbc.sql("DELETE FROM push_subscription WHERE id = :id").param("id", id).update();
    }

    void sent(long id, Instant at) {
        jdbc.sql("UPDATE push_subscription SET last_sent_at = :at WHERE id = :id")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("id", id).update();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime sent = rs.getObject("last_sent_at", OffsetDateTime.class);
        return new Row(rs.getLong("id"), rs.getLong("account_id"), rs.getString("endpoint"), rs.getString("p256dh"),
                rs.getString("auth"), rs.getString("device"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), sent == null ? null : sent.toInstant());
    }

    static String hash(String endpoint) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(endpoint.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
