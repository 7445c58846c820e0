package org.broadsheet.generator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Reader accounts {@code reader1} to {@code readerN} (ids 1 to N), each with the READER role, a verified
 * address at {@code generated.invalid} and the same password hash: one bcrypt hash, made once, since hashing is
 * slow on purpose and every generated reader signs in with the same password.
 */
final class Accounts {

    private Accounts() {
    }

    static String username(long id) {
        return "reader" + id;
    }

    /** Members since before the first generated article, so that no "New member" badge is a generator artefact. */
    static long write(Connection connection, int accounts, String passwordHash, Instant firstArticle)
            throws SQLException {
        try (CopyStream copy = new CopyStream(connection, "account", "id, username, username_key, display_name, email,"
                + " email_key, password_hash, email_verified, profile_public, created_at")) {
            for (long id = 1; id <= accounts; id++) {
                String username = username(id);
                String email = username + "@generated.invalid";
                copy.add(id).add(username).add(username).add(Catalogue.displayName((int) id)).add(email).add(email)
                        .add(passwordHash).add(true).add(id % 10 != 0)
                        .add(firstArticle.minus(Duration.ofMinutes(id * 7 % (365 * 24 * 60)))).endRow();
            }
        }
        try (CopyStream copy = new CopyStream(connection, "account_role", "account_id, role")) {
            for (long id = 1; id <= accounts; id++) {
                copy.add(id).add("READER").endRow();
            }
        }
        return 2L * accounts;
    }
}
