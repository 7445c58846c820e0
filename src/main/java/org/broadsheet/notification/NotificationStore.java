package org.broadsheet.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The notification tables, in plain SQL; every read is by recipient on an index, or by primary key. */
@Repository
class NotificationStore {

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A notification as stored. */
    record Row(long id, long recipientId, NotificationKind kind, Long articleId, Long commentId, Long actorId,
            int itemCount, boolean inCentre, Instant createdAt, Instant updatedAt, Instant readAt, boolean emailDue,
            Instant emailedAt, String detail) {

        boolean unread() {
            return readAt == null;
        }
    }

    /** One kind's channels as a reader chose them. */
    record Preference(boolean onSite, boolean byEmail, boolean byPush) {

        static Preference defaults(NotificationKind kind) {
            return new Preference(kind.defaultOnSite(), kind.defaultByEmail(), false);
        }

        boolean any() {
            return onSite || byEmail || byPush;
        }
    }

    /** The columns of a {@link Row}, ending in a space (a text block after it loses its leading ones). */
    private static final String COLUMNS = "id, recipient_id, kind, article_id, comment_id, actor_id, item_count, "
            + "in_centre, created_at, updated_at, read_at, email_due, emailed_at, detail ";

    // ---------------------------------------------------------------- making notifications

    boolean seen(long recipientId, String sourceKey) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_source WHERE recipient_id = :r AND source_key = :k")
                .param("r", recipientId).param("k", sourceKey).query(Long.class).single() > 0;
    }

    /** Records that the event made (or joined) the notification; a second delivery breaks the primary key. */
    void remember(long recipientId, String sourceKey, long notificationId, Long commentId, Instant at) {
        jdbc.sql("""
                INSERT INTO notification_source (recipient_id, source_key, notification_id, comment_id, created_at)
                VALUES (:r, :k, :n, :c, :at)""")
                .param("r", recipientId).param("k", sourceKey).param("n", notificationId).param("c", commentId)
                .param("at", utc(at)).update();
    }

    /** The newest notification of the group, if any. */
    Optional<Row> latestInGroup(long recipientId, String groupKey) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM notification WHERE recipient_id = :r AND group_key = :g ORDER BY updated_at DESC, id DESC
                LIMIT 1""").param("r", recipientId).param("g", groupKey).query(NotificationStore::row).optional();
    }

    /**
     * One more item joins the group: it now links to the newest comment and actor. Only while the notification is
     * unread, or was made after {@code readSince} when that is given (read or not).
     *
     * @return whether it joined
     */
    boolean join(long id, Long commentId, Long actorId, Instant at, Instant readSince) {
        return jdbc.sql("""
                UPDATE notification SET item_count = item_count + 1, comment_id = :c, actor_id = :a, updated_at = :at,
                       version = version + 1
                WHERE id = :id AND (read_at IS NULL OR created_at > :since)""")
                .param("c", commentId).param("a", actorId).param("at", utc(at)).param("id", id)
                .param("since", utc(readSince == null ? at.plusSeconds(1) : readSince)).update() > 0;
    }

    /** The reader's mails not yet sent, of these kinds, are not to be sent after all. */
    void cancelDueMails(long recipientId, Collection<NotificationKind> kinds) {
        if (!kinds.isEmpty()) {
            jdbc.sql("""
                    UPDATE notification SET email_due = FALSE, version = version + 1
                    WHERE recipient_id = :r AND email_due = TRUE AND emailed_at IS NULL AND kind IN (:kinds)""")
                    .param("r", recipientId).param("kinds", kinds.stream().map(Enum::name).toList()).update();
        }
    }

    /** The ids of the reader's mails not yet sent. */
    List<Long> dueMails(long recipientId) {
        return jdbc.sql("""
                SELECT id FROM notification WHERE recipient_id = :r AND email_due = TRUE AND emailed_at IS NULL
                ORDER BY id""").param("r", recipientId).query(Long.class).list();
    }

    long insert(long recipientId, NotificationKind kind, Long articleId, Long commentId, Long actorId,
            String groupKey, boolean inCentre, boolean emailDue, Instant at, String detail) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification (recipient_id, kind, article_id, comment_id, actor_id, group_key, item_count,
                       in_centre, created_at, updated_at, email_due, detail)
                VALUES (:r, :kind, :article, :comment, :actor, :g, 1, :centre, :at, :at, :mail, :detail)""")
                .param("detail", detail)
                .param("r", recipientId).param("kind", kind.name()).param("article", articleId)
                .param("comment", commentId).param("actor", actorId).param("g", groupKey).param("centre", inCentre)
                .param("at", utc(at)).param("mail", emailDue).update(key, "id");
        return key.getKey().longValue();
    }

    // ---------------------------------------------------------------- the centre

    long countUnread(long recipientId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notification WHERE recipient_id = :r AND in_centre = TRUE AND read_at IS NULL""")
                .param("r", recipientId).query(Long.class).single();
    }

    long countInCentre(long recipientId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :r AND in_centre = TRUE")
                .param("r", recipientId).query(Long.class).single();
    }

    List<Row> page(long recipientId, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM notification WHERE recipient_id = :r AND in_centre = TRUE
                ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("r", recipientId).param("limit", limit).param("offset", offset)
                .query(NotificationStore::row).list();
    }

    Optional<Row> find(long recipientId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = :id AND recipient_id = :r")
                .param("id", id).param("r", recipientId).query(NotificationStore::row).optional();
    }

    /** The comments that joined these grouped notifications, newest first, at most {@code limit} each. */
    Map<Long, List<Long>> groupComments(Collection<Long> notificationIds, int limit) {
        Map<Long, List<Long>> found = new java.util.HashMap<>();
        if (notificationIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT notification_id, comment_id FROM notification_source
                WHERE notification_id IN (:ids) AND comment_id IS NOT NULL ORDER BY created_at DESC, comment_id DESC""")
                .param("ids", List.copyOf(notificationIds))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> {
                    List<Long> comments = found.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>());
                    if (comments.size() < limit) {
                        comments.add(e.getValue());
                    }
                });
        return found;
    }

    int markRead(long recipientId, long id, Instant at) {
        return jdbc.sql("""
                UPDATE notification SET read_at = :at, version = version + 1
                WHERE id = :id AND recipient_id = :r AND read_at IS NULL""")
                .param("at", utc(at)).param("id", id).param("r", recipientId).update();
    }

    int markAllRead(long recipientId, Instant at) {
        return jdbc.sql("""
                UPDATE notification SET read_at = :at, version = version + 1
                WHERE recipient_id = :r AND read_at IS NULL""")
                .param("at", utc(at)).param("r", recipientId).update();
    }

    // ---------------------------------------------------------------- mail

    /** The notification, locked, while its mail is still due. */
    Optional<Row> lockDueMail(long id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM notification WHERE id = :id AND email_due = TRUE AND emailed_at IS NULL FOR UPDATE""")
                .param("id", id).query(NotificationStore::row).optional();
    }

    /** Every mail due to the reader, oldest first, locked (for their digest). */
    List<Row> lockDueMails(long recipientId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM notification WHERE recipient_id = :r AND email_due = TRUE AND emailed_at IS NULL
                ORDER BY created_at, id FOR UPDATE""")
                .param("r", recipientId).query(NotificationStore::row).list();
    }

    /** The readers who take a daily digest and have mails due. */
    List<Long> digestRecipients() {
        return jdbc.sql("""
                SELECT m.account_id FROM notification_mailing m WHERE m.daily_digest = TRUE AND EXISTS (
                  SELECT 1 FROM notification n WHERE n.recipient_id = m.account_id AND n.email_due = TRUE
                     AND n.emailed_at IS NULL)""").query(Long.class).list();
    }

    void markEmailed(Collection<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE notification SET emailed_at = :at, version = version + 1 WHERE id IN (:ids)")
                    .param("at", utc(at)).param("ids", List.copyOf(ids)).update();
        }
    }

    /** No mail for these after all (the address is not confirmed, or the reader turned mails off). */
    void cancelMail(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE notification SET email_due = FALSE, version = version + 1 WHERE id IN (:ids)")
                    .param("ids", List.copyOf(ids)).update();
        }
    }

    // ---------------------------------------------------------------- choices

    Map<NotificationKind, Preference> preferences(long accountId) {
        Map<NotificationKind, Preference> chosen = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            chosen.put(kind, Preference.defaults(kind));
        }
        jdbc.sql("SELECT kind, on_site, by_email, by_push FROM notification_preference WHERE account_id = :a")
                .param("a", accountId)
                .query((rs, n) -> Map.entry(NotificationKind.valueOf(rs.getString(1)),
                        new Preference(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4))))
                .list().forEach(e -> chosen.put(e.getKey(), e.getValue()));
        return chosen;
    }

    /** Replaces the reader's choices; the caller holds the account's lock. */
    void savePreferences(long accountId, Map<NotificationKind, Preference> chosen) {
        jdbc.sql("DELETE FROM notification_preference WHERE account_id = :a").param("a", accountId).update();
        chosen.forEach((kind, p) -> jdbc.sql("""
                INSERT INTO notification_preference (account_id, kind, on_site, by_email, by_push)
                VALUES (:a, :kind, :site, :mail, :push)""")
                .param("a", accountId).param("kind", kind.name()).param("site", p.onSite())
                .param("mail", p.byEmail()).param("push", p.byPush()).update());
    }

    boolean dailyDigest(long accountId) {
        return jdbc.sql("SELECT daily_digest FROM notification_mailing WHERE account_id = :a").param("a", accountId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Sets how the reader takes mails; the caller holds the account's lock. */
    void setDailyDigest(long accountId, boolean digest) {
        int changed = jdbc.sql("UPDATE notification_mailing SET daily_digest = :d WHERE account_id = :a")
                .param("d", digest).param("a", accountId).update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO notification_mailing (account_id, daily_digest) VALUES (:a, :d)")
                    .param("a", accountId).param("d", digest).update();
        }
    }

    void markDigestSent(long accountId, Instant at) {
        jdbc.sql("UPDATE notification_mailing SET last_digest_at = :at WHERE account_id = :a")
                .param("at", utc(at)).param("a", accountId).update();
    }

    // ---------------------------------------------------------------- rows

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("recipient_id"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getObject("article_id", Long.class), rs.getObject("comment_id", Long.class),
                rs.getObject("actor_id", Long.class), rs.getInt("item_count"), rs.getBoolean("in_centre"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "read_at"),
                rs.getBoolean("email_due"), instant(rs, "emailed_at"), rs.getString("detail"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
