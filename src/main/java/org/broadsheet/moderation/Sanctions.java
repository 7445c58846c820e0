package org.broadsheet.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.broadsheet.account.AccountService;
import org.broadsheet.moderation.ModerationEvents.SanctionImposed;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warnings, suspensions and bans. A warning must be acknowledged before its reader posts again; a suspension
 * stops posting, replying, recommending and reporting until it ends; a ban stops posting (the reader can still
 * read, download their data and delete their account). They are read from the database at every action, so
 * one takes effect at once on every session of the account and on every instance; and the reader is always told,
 * on the site and in their notifications: there are no shadow bans.
 */
@Service
@Transactional
public class Sanctions {

    public static final int MAX_REASON = 500;
    public static final int MAX_DAYS = 365;

    public enum Kind {
        WARNING, SUSPENSION, BAN;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A sanction as the desk and its reader see it. */
    public record Sanction(long id, Kind kind, String reason, Dateline imposed, String imposedBy, Dateline ends,
            Instant endsAt, Dateline acknowledged, Dateline lifted, String liftedBy, boolean inForce) {
    }

    /**
     * What a reader may do now: the sanction that stops them posting (null when nothing does) and the suspension
     * in force, if any, which also stops them reacting.
     */
    public record Standing(Sanction sanction, Sanction suspension) {

        public static final Standing CLEAR = new Standing(null, null);

        public boolean mayPost() {
            return sanction == null;
        }

        /** Only a suspension stops recommending and reporting, even when a ban is in force too. */
        public boolean mayReact() {
            return suspension == null;
        }

        /** A warning waiting for its reader to acknowledge it. */
        public boolean warned() {
            return sanction != null && sanction.kind() == Kind.WARNING;
        }
    }

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Datelines datelines;
    private final Clock clock;

    Sanctions(JdbcClient jdbc, AccountService accounts, ApplicationEventPublisher events, Datelines datelines,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.datelines = datelines;
        this.clock = clock;
    }

    /**
     * Warns, suspends (for {@code days}) or bans the reader.
     *
     * @throws IllegalArgumentException for a reason that is blank or too long, or a suspension without days
     */
    public long impose(long accountId, Kind kind, String reason, Integer days, String moderator) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason");
        }
        if (kind == Kind.SUSPENSION && (days == null || days < 1 || days > MAX_DAYS)) {
            throw new IllegalArgumentException("days");
        }
        String username = usernameOf(accountId).orElseThrow(() -> new NotFoundException("reader"));
        Instant now = clock.instant();
        Instant ends = kind == Kind.SUSPENSION ? now.plus(Duration.ofDays(days)) : null;
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sanction (account_id, kind, reason, ends_at, imposed_by, imposed_at)
                VALUES (:a, :kind, :reason, :ends, :by, :at)""")
                .param("a", accountId).param("kind", kind.name()).param("reason", text)
                .param("ends", ends == null ? null : ends.atOffset(ZoneOffset.UTC)).param("by", moderator)
                .param("at", now.atOffset(ZoneOffset.UTC)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        events.publishEvent(new AuditEvent(moderator, "reader." + kind.key(), username,
                (ends == null ? "" : days + " days: ") + text));
        events.publishEvent(new SanctionImposed(id, accountId, kind.key()));
        return id;
    }

    private Optional<String> usernameOf(long accountId) {
        var reader = accounts.commenters(List.of(accountId)).get(accountId);
        return Optional.ofNullable(reader == null ? null : reader.username());
    }

    /** Ends a sanction before its time. */
    public void lift(long accountId, long sanctionId, String moderator) {
        int lifted = jdbc.sql("""
                UPDATE sanction SET lifted_at = :at, lifted_by = :by
                WHERE id = :id AND account_id = :a AND lifted_at IS NULL""")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("by", moderator).param("id", sanctionId)
                .param("a", accountId).update();
        if (lifted > 0) {
            events.publishEvent(new AuditEvent(moderator, "reader.sanction-lifted",
                    usernameOf(accountId).orElse("reader " + accountId), "sanction " + sanctionId));
        }
    }

    /** The reader has read their warning: they may post again. */
    public void acknowledge(long accountId, long sanctionId) {
        jdbc.sql("""
                UPDATE sanction SET acknowledged_at = :at
                WHERE id = :id AND account_id = :a AND kind = 'WARNING' AND acknowledged_at IS NULL""")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", sanctionId).param("a", accountId)
                .update();
    }

    /** What stops the reader now: a ban before a suspension before an unacknowledged warning. */
    @Transactional(readOnly = true)
    public Standing standing(long accountId) {
        Instant now = clock.instant();
        List<Sanction> inForce = inForce(accountId, now);
        return inForce.isEmpty() ? Standing.CLEAR : new Standing(inForce.get(0),
                inForce.stream().filter(s -> s.kind() == Kind.SUSPENSION).findFirst().orElse(null));
    }

    /** Every sanction of the reader, newest first. */
    @Transactional(readOnly = true)
    public List<Sanction> history(long accountId) {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " WHERE account_id = :a ORDER BY imposed_at DESC, id DESC").param("a", accountId)
                .query((rs, n) -> sanction(rs, now)).list();
    }

    @Transactional(readOnly = true)
    public Optional<Sanction> find(long accountId, long sanctionId) {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " WHERE account_id = :a AND id = :id").param("a", accountId).param("id", sanctionId)
                .query((rs, n) -> sanction(rs, now)).optional();
    }

    private List<Sanction> inForce(long accountId, Instant now) {
        return jdbc.sql(SELECT + " " + """
                 WHERE account_id = :a AND lifted_at IS NULL AND (kind = 'BAN'
                   OR (kind = 'SUSPENSION' AND ends_at > :now) OR (kind = 'WARNING' AND acknowledged_at IS NULL))
                 ORDER BY CASE kind WHEN 'BAN' THEN 0 WHEN 'SUSPENSION' THEN 1 ELSE 2 END, imposed_at DESC""")
                .param("a", accountId).param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> sanction(rs, now)).list();
    }

    private static final String SELECT = """
            SELECT id, kind, reason, ends_at, imposed_by, imposed_at, acknowledged_at, lifted_at, lifted_by
            FROM sanction""";

    private Sanction sanction(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        Kind kind = Kind.valueOf(rs.getString("kind"));
        Instant ends = instant(rs.getObject("ends_at", OffsetDateTime.class));
        Instant acknowledged = instant(rs.getObject("acknowledged_at", OffsetDateTime.class));
        Instant lifted = instant(rs.getObject("lifted_at", OffsetDateTime.class));
        boolean inForce = lifted == null && switch (kind) {
            case BAN -> true;
            case SUSPENSION -> ends != null && ends.isAfter(now);
            case WARNING -> acknowledged == null;
        };
        return new Sanction(rs.getLong("id"), kind, rs.getString("reason"),
                datelines.of(instant(rs.getObject("imposed_at", OffsetDateTime.class))), rs.getString("imposed_by"),
                ends == null ? null : datelines.of(ends), ends, acknowledged == null ? null : datelines.of(acknowledged),
                lifted == null ? null : datelines.of(lifted), rs.getString("lifted_by"), inForce);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
