package org.broadsheet.comment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's record as a commenter, for moderators and the desk's rules: how many comments they posted, how many
 * readers can see, how many were held or rejected, and whether any decision ever went against them.
 */
@Service
@Transactional(readOnly = true)
public class CommentRecords {

    private final JdbcClient jdbc;

    CommentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the desk says of a reader: their comments by state, and how many were rejected. */
    public record AuthorRecord(long published, long pending, long rejected, long decisions, long approvedDecisions) {

        /** Rejected of all decided comments, in per cent (0 when none was decided). */
        public int rejectionRate() {
            long decided = published + rejected;
            return decided == 0 ? 0 : (int) Math.round(100.0 * rejected / decided);
        }
    }

    /** A reader's record: comments by state and decisions on them. */
    public AuthorRecord of(long accountId) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM comment WHERE author_id = :a GROUP BY status")
                .param("a", accountId)
                .query((rs, n) -> byStatus.put(rs.getString("status"), rs.getLong("n"))).list();
        Map<String, Long> decisions = new LinkedHashMap<>();
        jdbc.sql("SELECT decision, COUNT(*) AS n FROM comment_decision WHERE author_id = :a GROUP BY decision")
                .param("a", accountId)
                .query((rs, n) -> decisions.put(rs.getString("decision"), rs.getLong("n"))).list();
        return new AuthorRecord(byStatus.getOrDefault("VISIBLE", 0L), byStatus.getOrDefault("HELD", 0L),
                byStatus.getOrDefault("REJECTED", 0L),
                decisions.values().stream().mapToLong(Long::longValue).sum(), decisions.getOrDefault("APPROVED", 0L));
    }

    /** The reader's approved comments, and whether any was ever rejected: what trust is earned by. */
    public long approvedCount(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_id = :a AND status = 'VISIBLE'")
                .param("a", accountId).query(Long.class).single();
    }

    public boolean everRejected(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM comment_decision WHERE author_id = :a AND decision = 'REJECTED'")
                .param("a", accountId).query(Long.class).single() > 0;
    }

    /** How many comments the reader has posted (any state), for the new-account rule. */
    public long postedCount(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_id = :a").param("a", accountId)
                .query(Long.class).single();
    }
}
