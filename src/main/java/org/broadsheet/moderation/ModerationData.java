package org.broadsheet.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.PersonalDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What moderation keeps about a reader, in their data export: the sanctions they were told of and their requests
 * for a review. Moderators' private notes are about the reader but written by staff for staff; they stay out, as
 * the audit log does.
 */
@Component
class ModerationData implements PersonalDataContributor {

    private final Sanctions sanctions;
    private final JdbcClient jdbc;

    ModerationData(Sanctions sanctions, JdbcClient jdbc) {
        this.sanctions = sanctions;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "moderation";
    }

    @Override
    public Object dataFor(long accountId) {
        List<Map<String, Object>> told = sanctions.history(accountId).stream().map(s -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", s.kind().key());
            item.put("reason", s.reason());
            item.put("imposedAt", s.imposed().iso());
            item.put("endsAt", s.ends() == null ? null : s.ends().iso());
            item.put("acknowledgedAt", s.acknowledged() == null ? null : s.acknowledged().iso());
            item.put("liftedAt", s.lifted() == null ? null : s.lifted().iso());
            return item;
        }).toList();
        List<Map<String, Object>> reviews = jdbc.sql("""
                SELECT comment_id, note, requested_at, outcome FROM review_request WHERE account_id = :a
                ORDER BY requested_at, id""")
                .param("a", accountId).query((rs, n) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("comment", rs.getLong("comment_id"));
                    item.put("note", rs.getString("note"));
                    item.put("requestedAt", rs.getObject("requested_at", java.time.OffsetDateTime.class).toString());
                    item.put("outcome", rs.getString("outcome"));
                    return item;
                }).list();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sanctions", told);
        data.put("reviewRequests", reviews);
        return data;
    }
}
