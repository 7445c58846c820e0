package org.broadsheet.account;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Site-wide switches that staff change at run time, stored in the database.
 */
@Service
public class SiteSettings {

    /** Whether comments of accounts with an unverified email wait for verification before others see them. */
    public static final String HOLD_UNVERIFIED_COMMENTS = "comments.hold-unverified";

    private final JdbcTemplate jdbc;

    SiteSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean holdUnverifiedComments() {
        List<String> values = jdbc.queryForList("SELECT setting_value FROM site_setting WHERE name = ?",
                String.class, HOLD_UNVERIFIED_COMMENTS);
        return !values.isEmpty() && Boolean.parseBoolean(values.get(0));
    }

    @Transactional
    public void holdUnverifiedComments(boolean hold) {
        int updated = jdbc.update("UPDATE site_setting SET setting_value = ? WHERE name = ?", String.valueOf(hold),
                HOLD_UNVERIFIED_COMMENTS);
        if (updated == 0) {
            jdbc.update("INSERT INTO site_setting (name, setting_value) VALUES (?, ?)", HOLD_UNVERIFIED_COMMENTS,
                    String.valueOf(hold));
        }
    }
}
