package org.broadsheet.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.broadsheet.account.AccountService;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Dateline;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moderators keep on a reader: private notes (never shown to the reader) and the trusted flag, which lets a
 * reader skip the new-account rule.
 */
@Service
@Transactional
public class ReaderRecords {

    public static final int MAX_NOTE = 2000;

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Datelines datelines;
    private final Clock clock;

    ReaderRecords(JdbcClient jdbc, AccountService accounts, ApplicationEventPublisher events, Datelines datelines,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.datelines = datelines;
        this.clock = clock;
    }

    /** A moderator's private note on a reader. */
    public record Note(long id, String body, String writtenBy, Dateline written) {
    }

    /** @throws IllegalArgumentException for a blank or too long note */
    public void note(long accountId, String body, String moderator) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note");
        }
        jdbc.sql("""
                INSERT INTO moderator_note (account_id, body, written_by, written_at) VALUES (:a, :body, :by, :at)""")
                .param("a", accountId).param("body", text).param("by", moderator)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
        events.publishEvent(new AuditEvent(moderator, "reader.note", username(accountId), null));
    }

    @Transactional(readOnly = true)
    public List<Note> notes(long accountId) {
        return jdbc.sql("""
                SELECT id, body, written_by, written_at FROM moderator_note WHERE account_id = :a
                ORDER BY written_at DESC, id DESC""")
                .param("a", accountId)
                .query((rs, n) -> new Note(rs.getLong("id"), rs.getString("body"), rs.getString("written_by"),
                        datelines.of(rs.getObject("written_at", OffsetDateTime.class).toInstant())))
                .list();
    }

    @Transactional(readOnly = true)
    public boolean trusted(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM trusted_reader WHERE account_id = :a").param("a", accountId)
                .query(Long.class).single() > 0;
    }

    public void trust(long accountId, boolean trusted, String moderator) {
        int changed;
        if (trusted) {
            changed = jdbc.sql("""
                    INSERT INTO trusted_reader (account_id, since, set_by) SELECT :a, :at, :by
                    WHERE NOT EXISTS (SELECT 1 FROM trusted_reader WHERE account_id = :a)""")
                    .param("a", accountId).param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("by", moderator).update();
        } else {
            changed = jdbc.sql("DELETE FROM trusted_reader WHERE account_id = :a").param("a", accountId).update();
        }
        if (changed > 0) {
            events.publishEvent(new AuditEvent(moderator, trusted ? "reader.trusted" : "reader.untrusted",
                    username(accountId), null));
        }
    }

    private String username(long accountId) {
        var reader = accounts.commenters(List.of(accountId)).get(accountId);
        return reader == null ? "reader " + accountId : reader.username();
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
